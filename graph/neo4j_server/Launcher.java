import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community (the embedded engine with its Bolt and HTTP servers) for `kg neo4j start`.
 *
 * Usage: java -cp 'lib/*' Launcher.java HOME BOLT_PORT HTTP_PORT PAGECACHE_MB TX_TIMEOUT_S
 * Prints one line "READY bolt://... http://..." once a query succeeds, then runs until SIGTERM.
 * Auth is off: the server listens on 127.0.0.1 only and is a single user's local database.
 */
public final class Launcher {
    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: Launcher HOME BOLT_PORT HTTP_PORT PAGECACHE_MB TX_TIMEOUT_S");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int boltPort = Integer.parseInt(args[1]);
        int httpPort = Integer.parseInt(args[2]);
        long pageCacheMb = Long.parseLong(args[3]);
        long txTimeoutS = Long.parseLong(args[4]);
        Files.createDirectories(home);

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        Path conf = home.resolve("conf").resolve("neo4j.conf");
        if (Files.exists(conf)) {
            builder.loadPropertiesFromFile(conf);
        }
        DatabaseManagementService service = builder
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(HttpConnector.enabled, httpPort > 0)
                .setConfig(HttpConnector.listen_address, new SocketAddress("127.0.0.1", Math.max(httpPort, 1)))
                .setConfig(HttpConnector.advertised_address, new SocketAddress("127.0.0.1", Math.max(httpPort, 1)))
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutS))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown();
            stopped.countDown();
        }));

        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        db.executeTransactionally("RETURN 1");
        String http = httpPort > 0 ? " http://127.0.0.1:" + httpPort : "";
        System.out.println("READY bolt://127.0.0.1:" + boltPort + http);
        System.out.flush();
        stopped.await();
    }
}
