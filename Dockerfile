# plandev serve in a container: the runnable jar built in a first stage, run by a non-root user
# with the same memory limits as ./plandev serve and deploy/systemd/plandev.service (a test,
# DeploymentFilesTest, keeps the three equal): a fixed 256 MB heap with the serial collector,
# peaking near 320-390 MB resident with 100,000 entries (README, Performance).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -Dspotless.check.skip=true -Dcheckstyle.skip=true -Djacoco.skip=true \
    package -pl cli -am

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/plandev --create-home plandev
COPY --from=build /src/cli/target/plandev.jar /opt/plandev/plandev.jar
USER plandev
WORKDIR /var/lib/plandev
ENV JAVA_TOOL_OPTIONS="-Xms256m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
# No curl in the JRE image: bash asks /ready over a plain TCP connection.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /ready HTTP/1.0\r\n\r\n" >&3 && head -1 <&3 | grep -q " 200 "'
# Inside a container the service must listen on every interface for the port mapping to reach it.
ENTRYPOINT ["java", "-jar", "/opt/plandev/plandev.jar", "--data", "/var/lib/plandev"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
