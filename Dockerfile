# MSO Manager: build with the .NET SDK, run on the ASP.NET Core runtime as a non-root user.
#   docker build -t msomanager .        (or: docker compose up --build, see docker-compose.yml)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the solution-wide and project files only, so the package layer is cached
# until a project file or a central package version changes. Add a line here for a new src project.
COPY MsoManager.sln global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/MsoManager.Domain/MsoManager.Domain.csproj src/MsoManager.Domain/
COPY src/MsoManager.Infrastructure/MsoManager.Infrastructure.csproj src/MsoManager.Infrastructure/
COPY src/MsoManager.Migrations.Sqlite/MsoManager.Migrations.Sqlite.csproj src/MsoManager.Migrations.Sqlite/
COPY src/MsoManager.Migrations.Postgres/MsoManager.Migrations.Postgres.csproj src/MsoManager.Migrations.Postgres/
COPY src/MsoManager.Web/MsoManager.Web.csproj src/MsoManager.Web/
RUN dotnet restore src/MsoManager.Web/MsoManager.Web.csproj

COPY src/ src/
RUN dotnet publish src/MsoManager.Web -c Release -o /app --no-restore /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
ENV ASPNETCORE_HTTP_PORTS=8080
COPY --from=build /app ./
# The rolling log file (Logging:File:Path) and the default SQLite file (data/) need folders the app
# user can write; named volumes mounted there start with this ownership.
RUN mkdir -p /app/logs /app/data && chown app:app /app/logs /app/data
# The image's non-root "app" user.
USER $APP_UID
EXPOSE 8080
# Health checks are left to the orchestrator (see docker-compose.yml): the image has no curl.
ENTRYPOINT ["dotnet", "MsoManager.Web.dll"]
