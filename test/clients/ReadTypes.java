// As an analyst, with pgjdbc:
//   java -cp /usr/share/java/postgresql.jar ReadTypes.java 'jdbc:postgresql://host:5432/db?user=...'
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

public class ReadTypes {
    static final String TYPES =
        "SELECT 'terugname en overname'::migchain.request_kind AS kind,"
        + " 'Ingetrokken (Geen antwoord verkregen)'::migchain.answer AS answer,"
        + " 'Marokko'::migchain.country AS country,"
        + " 'GGR?G'::migchain.conditions AS conditions,"
        + " migchain.tally(1, 2, 3, 4) AS tally";
    static final String PER_COUNTRY =
        "SELECT c.year, c.kind, c.country, c.tally"
        + " FROM migchain.period_cube(?, ?, ?) AS p(cube), migchain.request_cube_by_country(p.cube) AS c"
        + " WHERE c.country = ? ORDER BY c.year";

    public static void main(String[] args) throws SQLException {
        try (Connection conn = DriverManager.getConnection(args[0])) {
            // Text: getString gives the text form, getObject a PGobject holding it.
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(TYPES)) {
                rs.next();
                for (int i = 1; i <= 5; i++) {
                    Object o = rs.getObject(i);
                    System.out.println(rs.getMetaData().getColumnLabel(i) + ": " + rs.getString(i)
                        + " (" + o.getClass().getSimpleName() + " of type "
                        + rs.getMetaData().getColumnTypeName(i) + ")");
                }
            }
            // setString binds a varchar: PostgreSQL has no implicit cast from
            // varchar to migchain's types, so the function is not found.
            try (PreparedStatement ps = conn.prepareStatement(PER_COUNTRY)) {
                ps.setInt(1, 2018);
                ps.setInt(2, 2019);
                ps.setString(3, "laissez-passer");
                ps.setString(4, "Marokko");
                ps.executeQuery();
            } catch (SQLException e) {
                System.out.println("setString: " + e.getSQLState() + " " + e.getMessage().lines().findFirst().get());
            }
            // setObject(..., Types.OTHER) binds a string with no type: PostgreSQL
            // reads it with the input function of the type the query needs there.
            try (PreparedStatement ps = conn.prepareStatement(PER_COUNTRY)) {
                ps.setInt(1, 2018);
                ps.setInt(2, 2019);
                ps.setObject(3, "laissez-passer", Types.OTHER);
                ps.setObject(4, "Marokko", Types.OTHER);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        System.out.println(rs.getInt("year") + " " + rs.getString("kind") + " "
                            + rs.getString("country") + " " + rs.getString("tally"));
                    }
                }
            }
        }
    }
}
