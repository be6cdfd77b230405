// As a loader, with pgjdbc:
//   java -cp /usr/share/java/postgresql.jar LoadRequests.java 'jdbc:postgresql://host:5432/db?user=...'
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Properties;
import org.postgresql.PGConnection;

public class LoadRequests {
    static final String COLUMNS = "migchain.request (kind, answer, country, presented_on, answered_on, person_id)";

    // One request: T&O to Morocco, answered positively.
    static void insert(Connection conn, String sql, long person) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, "terugname en overname");
            ps.setString(2, "Positief antwoord");
            ps.setString(3, "Marokko");
            ps.setObject(4, LocalDate.of(2023, 1, 10));
            ps.setObject(5, LocalDate.of(2023, 2, 1));
            ps.setLong(6, person);
            ps.executeUpdate();
        }
    }

    public static void main(String[] args) throws Exception {
        String plain = "INSERT INTO " + COLUMNS + " VALUES (?, ?, ?, ?, ?, ?)";
        int batch;
        try (Connection conn = DriverManager.getConnection(args[0])) {
            // A load batch holds the rows inserted in the transaction of
            // begin_load(): one transaction, not a commit per statement.
            conn.setAutoCommit(false);
            try (PreparedStatement ps = conn.prepareStatement("SELECT migchain.begin_load(?, ?)")) {
                ps.setString(1, "case system");
                ps.setString(2, "LoadRequests.java");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    batch = rs.getInt(1);
                }
            }
            // setString binds a varchar, which migchain's types read in assignment.
            insert(conn, plain, 9400001);
            // Casts in the statement: an explicit cast from varchar reads the text.
            insert(conn, "INSERT INTO " + COLUMNS + " VALUES (CAST(? AS migchain.request_kind),"
                + " CAST(? AS migchain.answer), CAST(? AS migchain.country), ?, ?, ?)", 9400002);

            // COPY: text in, each field read by its column's input function.
            long copied = conn.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY " + COLUMNS + " FROM STDIN (FORMAT csv)",
                new StringReader("LP,bekend gesteld,MAR,2023-03-01,,9400004\n"
                    + "T&O,no answer,504,2022-01-05,2023-01-05,9400005\n"));
            System.out.println("copied: " + copied);
            conn.commit();
        }

        // stringtype=unspecified: setString binds text with no type, which
        // PostgreSQL reads with the input function of the column's type.
        Properties props = new Properties();
        props.setProperty("stringtype", "unspecified");
        try (Connection conn = DriverManager.getConnection(args[0], props)) {
            // A later transaction adds to the batch by setting migchain.load_batch, and ends it.
            conn.setAutoCommit(false);
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT pg_catalog.set_config('migchain.load_batch', ?, true)")) {
                ps.setString(1, Integer.toString(batch));
                ps.executeQuery().close();
            }
            insert(conn, plain, 9400003);
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT row_count FROM migchain.end_load()")) {
                rs.next();
                System.out.println("rows in the batch: " + rs.getLong(1));
            }
            conn.commit();

            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT person_id, kind, answer, country, presented_on FROM migchain.request"
                    + " WHERE batch_id = ? ORDER BY person_id")) {
                ps.setInt(1, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        System.out.println(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3)
                            + " " + rs.getString(4) + " " + rs.getObject(5, LocalDate.class));
                    }
                }
            }
            conn.commit();
        }
    }
}
