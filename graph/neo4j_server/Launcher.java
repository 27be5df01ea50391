import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingImpl;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * Runs Neo4j Community (the embedded engine with its Bolt and HTTP servers) for `kg neo4j start`.
 *
 * Usage: java -cp 'lib/*' Launcher.java HOME BOLT_PORT HTTP_PORT PAGECACHE_MB TX_TIMEOUT_S PASSWORD_FILE
 * Prints one line "READY bolt://... http://..." once a query succeeds, then runs until SIGTERM.
 *
 * Hardened for a machine where other local processes and web pages are not trusted: auth on
 * (user neo4j, the password read from PASSWORD_FILE), loopback only, no CORS wildcard, LOAD CSV
 * can read neither files nor URLs, no phone-home, only the HTTP modules the Browser needs.
 */
public final class Launcher {
    static final String USER = "neo4j";
    static final List<String> ALLOWED_PROCEDURES = List.of(
            "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.*", "db.index.fulltext.query*");

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: Launcher HOME BOLT_PORT HTTP_PORT PAGECACHE_MB TX_TIMEOUT_S PASSWORD_FILE");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int boltPort = Integer.parseInt(args[1]);
        int httpPort = Integer.parseInt(args[2]);
        long pageCacheMb = Long.parseLong(args[3]);
        long txTimeoutS = Long.parseLong(args[4]);
        // The password travels in a file, never on the command line (visible in /proc to everyone).
        String password = Files.readString(Path.of(args[5])).strip();
        if (password.length() < 8) {
            System.err.println("the password in " + args[5] + " is shorter than 8 characters");
            System.exit(2);
        }
        Files.createDirectories(home);
        Path importDir = Files.createDirectories(home.resolve("import"));

        applyPassword(home, importDir, pageCacheMb, txTimeoutS, password);

        DatabaseManagementService service =
                configure(home, importDir, pageCacheMb, txTimeoutS, boltPort, httpPort).build();
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

    /**
     * Makes `password` the neo4j user's before any connector opens, so nobody can log in as
     * neo4j/neo4j (or with an older password) in the moment before it changes. A new data folder
     * gets it as Neo4j's initial user (what `neo4j-admin dbms set-initial-password` writes); an
     * existing one (created with auth off, or with another password) gets ALTER USER in a start
     * with no connector open, which costs one extra start only when the password changed.
     * `data/dbms/kg-password.sha256` remembers which password the folder has.
     */
    static void applyPassword(Path home, Path importDir, long pageCacheMb, long txTimeoutS, String password)
            throws Exception {
        Path applied = home.resolve("data").resolve("dbms").resolve("kg-password.sha256");
        String digest = sha256(password);
        if (Files.exists(applied) && Files.readString(applied).strip().equals(digest)) {
            return;
        }
        Files.createDirectories(applied.getParent());
        if (!Files.exists(home.resolve("data").resolve("databases").resolve(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))) {
            Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
            Path initial = CommunitySecurityModule.getInitialUserRepositoryFile(config);
            Files.deleteIfExists(initial);
            FileUserRepository users = new FileUserRepository(
                    new DefaultFileSystemAbstraction(), initial, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
            users.start();
            users.create(new User(USER, null, SystemGraphCredential.createCredentialForPassword(
                    password.getBytes(StandardCharsets.UTF_8), new SecureHasher()), false, false));
            users.shutdown();
        } else {
            DatabaseManagementService offline = configure(home, importDir, pageCacheMb, txTimeoutS, 0, 0).build();
            try {
                offline.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                        "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                        Map.of("password", password));
            } finally {
                offline.shutdown();
            }
        }
        Files.writeString(applied, digest);
        // Unsalted: a password the user chose must not be guessable from it by other local users.
        Files.setPosixFilePermissions(applied, PosixFilePermissions.fromString("rw-------"));
    }

    /** The builder with every setting; a port of 0 leaves that connector off. */
    static DatabaseManagementServiceBuilder configure(
            Path home, Path importDir, long pageCacheMb, long txTimeoutS, int boltPort, int httpPort)
            throws Exception {
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        Path conf = home.resolve("conf").resolve("neo4j.conf");
        if (Files.exists(conf)) {
            builder.loadPropertiesFromFile(conf);  // tuning only: everything below overrides it
        }
        String origin = "http://127.0.0.1:" + Math.max(httpPort, 1);
        Path logConfig = writeLogConfig(home);
        // Settings without a public typed constant, set by name (an unknown name fails the start).
        setByName(builder, Map.of(
                // LOAD CSV over http, https and ftp is refused for every address (each redirect
                // hop is checked too): Community has no public switch for outgoing URLs.
                "internal.dbms.cypher_ip_blocklist", "0.0.0.0/0,::/0",
                // No phone-home from the server or the Browser (5.26 has no
                // browser.allow_outgoing_connections any more: client.allow_telemetry replaced it).
                "dbms.usage_report.enabled", "false",
                "internal.dbms.usage_report.udc_network_enabled", "false",
                "client.allow_telemetry", "false",
                "browser.remote_content_hostname_whitelist", "localhost",
                // The Browser is served from this origin; no other web page may read answers.
                "dbms.security.http_access_control_allow_origin", origin,
                // The Browser and the (authenticated) transactional endpoint only: no unmanaged
                // extensions, management or Query API endpoints.
                "server.http_enabled_modules", "TRANSACTIONAL_ENDPOINTS,BROWSER",
                "server.logs.config", logConfig.toString()));
        return builder
                .setConfig(BoltConnector.enabled, boltPort > 0)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", Math.max(boltPort, 1)))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", Math.max(boltPort, 1)))
                .setConfig(HttpConnector.enabled, httpPort > 0)
                .setConfig(HttpConnector.listen_address, new SocketAddress("127.0.0.1", Math.max(httpPort, 1)))
                .setConfig(HttpConnector.advertised_address, new SocketAddress("127.0.0.1", Math.max(httpPort, 1)))
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutS))
                // LOAD CSV: no file:// at all (absolute, ../ or inside the import folder), and the
                // import folder is an empty one of its own in case a later setting re-allows files.
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
                // Procedures from plugin jars: only read-only schema and full-text ones, none with
                // unrestricted access. Neo4j's built-in dbms.* and db.* procedures ignore this
                // list (verified on 5.26): the API's /cypher guard has to refuse those.
                .setConfig(GraphDatabaseSettings.procedure_allowlist, ALLOWED_PROCEDURES)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of());
    }

    /**
     * Neo4j's own log configuration with stack traces cut to 12 lines: a query that overflows
     * the parser's stack would otherwise write about 100 KB to debug.log each time.
     */
    static Path writeLogConfig(Path home) throws Exception {
        String xml;
        try (var in = DatabaseManagementServiceBuilder.class.getClassLoader()
                .getResourceAsStream("default-server-logs.xml")) {
            if (in == null) {
                throw new IllegalStateException("default-server-logs.xml is not on the classpath");
            }
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String capped = xml.replace("%m%n\"/>", "%m%n%ex{12}\"/>");
        if (capped.equals(xml)) {
            throw new IllegalStateException("default-server-logs.xml has no layout pattern to cap");
        }
        Path path = Files.createDirectories(home.resolve("conf")).resolve("kg-server-logs.xml");
        Files.writeString(path, capped);
        return path;
    }

    static void setByName(DatabaseManagementServiceBuilder builder, Map<String, String> values) {
        Map<String, Setting<Object>> declared = Config.defaults().getDeclaredSettings();
        values.forEach((name, value) -> {
            Setting<Object> setting = declared.get(name);
            if (setting == null) {
                throw new IllegalArgumentException("Neo4j has no setting " + name);
            }
            builder.setConfig(setting, ((SettingImpl<Object>) setting).parse(value));
        });
    }

    static String sha256(String text) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash);
    }
}
