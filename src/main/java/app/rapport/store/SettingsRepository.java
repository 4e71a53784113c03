package app.rapport.store;

import java.util.Optional;

/** Server-wide facts that must survive a restart, such as whether the demo book was loaded. */
public final class SettingsRepository {
    private final Database db;

    public SettingsRepository(Database db) {
        this.db = db;
    }

    public Optional<String> get(String name) {
        return Jdbc.one(db, "SELECT content FROM settings WHERE name = ?", rs -> rs.getString(1), name);
    }

    public void put(String name, String value) {
        db.inTransaction(c -> {
            Jdbc.update(db, "DELETE FROM settings WHERE name = ?", name);
            return Jdbc.update(db, "INSERT INTO settings (name, content) VALUES (?, ?)", name, value);
        });
    }
}
