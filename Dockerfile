# Builds the portal and runs it on a JRE. Configure the database with SPRING_DATASOURCE_URL,
# SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD (see docker-compose.yml).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests -pl portal-app -am package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 1001 shipshape
WORKDIR /app
COPY --from=build /src/portal-app/target/shipshape-portal.jar /app/shipshape-portal.jar
USER shipshape
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/shipshape-portal.jar"]
