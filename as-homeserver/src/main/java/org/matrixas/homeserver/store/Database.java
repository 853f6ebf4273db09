package org.matrixas.homeserver.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
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
    /** The most writes one commit takes, so a long queue does not hold its first caller for long. */
    private static final int MAX_GROUP = 64;

    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> all = new ArrayList<>();
    private final BlockingQueue<QueuedWrite<?>> queue = new LinkedBlockingQueue<>();

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

    /**
     * Runs {@code work} in one write transaction, committed (durably) before this returns and rolled back when it
     * throws.
     *
     * <p>Group commit: writes that queue while another is being committed share the next commit. Whichever waiting
     * thread gets the lock runs every queued work in order, each in its own savepoint (a work that throws is rolled
     * back alone), then commits once and hands each thread its result; a failed commit fails them all. So
     * concurrent writers pay one fsync between them, and each still returns only once its work is durable.
     */
    public <T> T write(Work<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            return run(writer, work);
        }
        QueuedWrite<T> mine = new QueuedWrite<>(work);
        queue.add(mine);
        writeLock.lock();
        try {
            while (!mine.done) {
                commitQueued();
            }
        } finally {
            writeLock.unlock();
        }
        return mine.result();
    }

    /** Runs the queued works (at most {@link #MAX_GROUP}) in one transaction; the caller holds the write lock. */
    private void commitQueued() {
        List<QueuedWrite<?>> group = new ArrayList<>();
        queue.drainTo(group, MAX_GROUP);
        try {
            writer.setAutoCommit(false);
            try {
                if (group.size() == 1) {
                    group.get(0).run(writer);
                } else {
                    for (QueuedWrite<?> w : group) {
                        runInSavepoint(w);
                    }
                }
                writer.commit();
            } catch (SQLException | RuntimeException | Error e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException | Error e) {
            for (QueuedWrite<?> w : group) {
                w.failIfNotFailed(e);
            }
        } finally {
            group.forEach(QueuedWrite::finish);
        }
    }

    private void runInSavepoint(QueuedWrite<?> w) throws SQLException {
        Savepoint sp = writer.setSavepoint();
        try {
            w.run(writer);
        } catch (SQLException | RuntimeException | Error e) {
            writer.rollback(sp);
            w.failIfNotFailed(e);
        }
        writer.releaseSavepoint(sp);
    }

    /** One caller's work and its outcome; {@code done} is written and read under the write lock. */
    private static final class QueuedWrite<T> {
        private final Work<T> work;
        private T value;
        private Throwable failure;
        private boolean done;

        QueuedWrite(Work<T> work) {
            this.work = work;
        }

        void run(Connection c) throws SQLException {
            value = work.run(c);
        }

        void failIfNotFailed(Throwable e) {
            if (failure == null) {
                failure = e;
            }
        }

        void finish() {
            done = true;
        }

        T result() {
            if (failure == null) {
                return value;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            throw new StoreException("database write failed: " + failure.getMessage(), failure);
        }
    }

    /** Writes waiting for the next group commit (for tests). */
    int queuedWrites() {
        return queue.size();
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
