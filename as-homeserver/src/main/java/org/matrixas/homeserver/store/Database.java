package org.matrixas.homeserver.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The homeserver's embedded SQLite database in WAL mode: one writer connection behind a lock (SQLite allows one
 * writer at a time anyway, and the lock makes stream orderings follow commit order) and a few reader
 * connections that see committed data while a write is in progress.
 *
 * <p>{@link #write} runs its work in one transaction; a {@code write} or {@link #read} nested inside a write on
 * the same thread joins that transaction. Never call out to the network inside either.
 */
public final class Database implements AutoCloseable {
    /** The database file's name inside {@code data_dir}. */
    public static final String FILE_NAME = "homeserver.db";
    private static final int READERS = 4;

    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> all = new ArrayList<>();

    private Database(Connection writer) {
        this.writer = writer;
        all.add(writer);
    }

    /** Opens (creating if needed) {@code dataDir/homeserver.db} and brings its schema up to date. */
    public static Database open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot create data_dir " + dataDir + ": " + e.getMessage(), e);
        }
        String url = "jdbc:sqlite:" + dataDir.resolve(FILE_NAME).toAbsolutePath();
        Database db;
        try {
            db = new Database(connect(url));
            try (Statement s = db.writer.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
            }
        } catch (SQLException e) {
            throw new StoreException("cannot open " + url + ": " + e.getMessage(), e);
        }
        try {
            db.write(Schema::migrate);
            for (int i = 0; i < READERS; i++) {
                Connection r = connect(url);
                db.all.add(r);
                db.readers.add(r);
            }
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e instanceof StoreException se ? se : new StoreException("cannot prepare " + url, e);
        }
        return db;
    }

    private static Connection connect(String url) throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA foreign_keys=ON");
            // FULL: a commit survives a crash of the machine, so a txnId told to an AS is never reused.
            s.execute("PRAGMA synchronous=FULL");
        }
        return c;
    }

    /** Work on a connection; may return null. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one write transaction, committed when it returns and rolled back when it throws. */
    public <T> T write(Work<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            return run(writer, work);
        }
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database write failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on a consistent snapshot of committed data. */
    public <T> T read(Work<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            return run(writer, work);
        }
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted waiting for a database connection", e);
        }
        try {
            c.setAutoCommit(false);
            try {
                return work.run(c);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database read failed: " + e.getMessage(), e);
        } finally {
            readers.add(c);
        }
    }

    private static <T> T run(Connection c, Work<T> work) {
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("database call failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            for (Connection c : all) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // Closing is best effort; SQLite has committed everything already.
                }
            }
        } finally {
            writeLock.unlock();
        }
    }
}
