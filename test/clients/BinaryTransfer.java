// What pgjdbc does with migchain's types in binary:
//   java -cp /usr/share/java/postgresql.jar BinaryTransfer.java 'jdbc:postgresql://host:5432/db?user=...'
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

public class BinaryTransfer {
    static final String TYPES =
        "SELECT 'terugname en overname'::migchain.request_kind AS kind,"
        + " 'Ingetrokken (Geen antwoord verkregen)'::migchain.answer AS answer,"
        + " 'Marokko'::migchain.country AS country,"
        + " 'GGR?G'::migchain.conditions AS conditions,"
        + " migchain.tally(1, 2, 3, 4) AS tally";

    // Runs the same statement six times; prints what getString returns each time.
    static void run(String url, Properties props) throws SQLException {
        try (Connection conn = DriverManager.getConnection(url, props);
             PreparedStatement ps = conn.prepareStatement(TYPES)) {
            for (int execution = 1; execution <= 6; execution++) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    List<String> values = new ArrayList<>();
                    List<String> bytes = new ArrayList<>();
                    for (int i = 1; i <= 5; i++) {
                        values.add(rs.getString(i));
                        bytes.add(HexFormat.of().formatHex(rs.getBytes(i)));
                    }
                    System.out.println("  execution " + execution + ": " + String.join(" | ", values)
                        + (values.contains(null) ? "   getBytes: " + String.join(" | ", bytes) : ""));
                }
            }
        }
    }

    public static void main(String[] args) throws SQLException {
        // The defaults: pgjdbc asks for binary results only for the types it
        // knows, so migchain's types come as text, every time.
        System.out.println("defaults:");
        run(args[0], new Properties());

        // binaryTransferEnable with the OIDs of migchain's types: from the
        // sixth execution (prepareThreshold 5) the values come in binary, and
        // getString returns null.
        String oids;
        try (Connection conn = DriverManager.getConnection(args[0]);
             Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT string_agg(oid::text, ',') FROM pg_catalog.pg_type"
                 + " WHERE typnamespace = 'migchain'::regnamespace"
                 + " AND typname IN ('request_kind', 'answer', 'country', 'conditions', 'tally')")) {
            rs.next();
            oids = rs.getString(1);
        }
        Properties props = new Properties();
        props.setProperty("binaryTransferEnable", oids);
        System.out.println("binaryTransferEnable=<migchain's OIDs>:");
        run(args[0], props);
    }
}
