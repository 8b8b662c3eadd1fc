import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Waits until a Kafka broker answers admin requests; exit 0 ready, 1 timed out, 2 broker process gone. */
public class BrokerReady {
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: BrokerReady BOOTSTRAP PID TIMEOUT_S");
            System.exit(64);
        }
        String bootstrap = args[0];
        long pid = Long.parseLong(args[1]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        try (Admin admin = Admin.create(props)) {
            while (System.nanoTime() < deadline) {
                if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    System.exit(2);
                }
                if (answers(admin)) {
                    System.exit(0);
                }
                Thread.sleep(500);
            }
        }
        System.exit(1);
    }

    private static boolean answers(Admin admin) {
        try {
            boolean hasController = admin.describeCluster().controller().get(3, TimeUnit.SECONDS) != null;
            admin.listTopics().names().get(3, TimeUnit.SECONDS);
            return hasController;
        } catch (Exception notYet) {
            return false;
        }
    }
}
