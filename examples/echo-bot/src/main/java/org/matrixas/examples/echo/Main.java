package org.matrixas.examples.echo;

import java.nio.file.Path;
import org.matrixas.protocol.appservice.AppServiceEndpoint;
import org.matrixas.protocol.appservice.AppServiceServer;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.registration.Registration;
import org.matrixas.protocol.registration.RegistrationFiles;

/** Runs the echo bot: {@code Main REGISTRATION_FILE HOMESERVER_URL}; it listens on the port of the file's url. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: Main REGISTRATION_FILE HOMESERVER_URL");
            System.exit(2);
        }
        Registration reg = RegistrationFiles.read(Path.of(args[0]));
        HomeserverClient homeserver = HomeserverClient.create(args[1], reg.asToken());
        AppServiceServer server = AppServiceServer.builder()
                .port(java.net.URI.create(reg.url()).getPort())
                .endpoint(AppServiceEndpoint.builder().hsToken(reg.hsToken())
                        .service(new EchoBot(homeserver, reg.senderLocalpart())).build())
                .build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Thread.currentThread().join();
    }
}
