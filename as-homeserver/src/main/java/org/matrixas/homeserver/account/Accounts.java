package org.matrixas.homeserver.account;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.matrixas.homeserver.store.Database;
import org.matrixas.homeserver.store.Sql;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.id.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local users: creation (with a password for humans, without for application-service users), password login,
 * access tokens (stored as SHA-256 digests, never in clear, optionally expiring) and profiles. Policy (who may
 * create which user) is the caller's; this class only refuses IDs that are taken or not local.
 */
public final class Accounts {
    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    private final Database db;
    private final String serverName;
    private final PasswordHasher hasher;
    private final Duration tokenLifetime;
    private final Clock clock;

    public Accounts(Database db, String serverName) {
        this(db, serverName, Duration.ZERO);
    }

    /** @param tokenLifetime how long an issued access token works; {@link Duration#ZERO} for ever */
    public Accounts(Database db, String serverName, Duration tokenLifetime) {
        this(db, serverName, PasswordHasher.DEFAULT_ITERATIONS, tokenLifetime, Clock.systemUTC());
    }

    Accounts(Database db, String serverName, int iterations) {
        this(db, serverName, iterations, Duration.ZERO, Clock.systemUTC());
    }

    Accounts(Database db, String serverName, int iterations, Duration tokenLifetime, Clock clock) {
        this.db = db;
        this.serverName = serverName;
        this.hasher = new PasswordHasher(iterations);
        this.tokenLifetime = Objects.requireNonNull(tokenLifetime, "tokenLifetime is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    public String serverName() {
        return serverName;
    }

    /** Creates a user; {@code password} and {@code appServiceId} may be null. */
    public void create(UserId user, String password, String appServiceId) {
        requireLocal(user);
        String hash = password == null ? null : hasher.hash(password);
        boolean created = db.write(c -> {
            if (exists(c, user)) {
                return false;
            }
            Sql.update(c, "INSERT INTO users(user_id, password_hash, appservice_id, created_ts) VALUES (?,?,?,?)",
                    user.toString(), hash, appServiceId, System.currentTimeMillis());
            return true;
        });
        if (!created) {
            throw MatrixError.M_USER_IN_USE.withMessage("user ID " + user + " is already taken").toException();
        }
        LOG.info("registered user {}{}", user, appServiceId == null ? "" : " for application service " + appServiceId);
    }

    /** Creates the user unless it exists; returns whether it was created. */
    public boolean ensure(UserId user, String appServiceId) {
        requireLocal(user);
        return db.write(c -> {
            if (exists(c, user)) {
                return false;
            }
            Sql.update(c, "INSERT INTO users(user_id, appservice_id, created_ts) VALUES (?,?,?)", user.toString(),
                    appServiceId, System.currentTimeMillis());
            return true;
        });
    }

    public boolean exists(UserId user) {
        return db.read(c -> exists(c, user));
    }

    private static boolean exists(java.sql.Connection c, UserId user) throws SQLException {
        return Sql.one(c, "SELECT 1 FROM users WHERE user_id = ?", rs -> true, user.toString()).isPresent();
    }

    /** The user when the password matches; the same slow hash runs whether or not the user exists. */
    public Optional<UserId> checkPassword(UserId user, String password) {
        String stored = db.read(c -> Sql.one(c, "SELECT password_hash FROM users WHERE user_id = ?",
                rs -> rs.getString(1), user.toString()).orElse(null));
        return hasher.verify(password, stored) ? Optional.of(user) : Optional.empty();
    }

    /**
     * Issues a new access token; {@code deviceId} null picks a random one. With a token lifetime the grant says
     * when it expires.
     */
    public LoginGrant issueToken(UserId user, String deviceId) {
        String device = deviceId == null || deviceId.isBlank() ? Secrets.letters(10).toUpperCase(java.util.Locale.ROOT)
                : deviceId;
        String token = "mas_" + Secrets.random(32);
        long now = clock.millis();
        Long expires = tokenLifetime.isZero() ? null : now + tokenLifetime.toMillis();
        db.write(c -> Sql.update(c, "INSERT INTO access_tokens(token_hash, user_id, device_id, created_ts, expires_ts)"
                + " VALUES (?,?,?,?,?)", Secrets.sha256Hex(token), user.toString(), device, now, expires));
        return new LoginGrant(user, token, device, tokenLifetime);
    }

    /** Deletes a user access token (logout); false when it was not known. */
    public boolean revokeToken(String accessToken) {
        String digest = Secrets.sha256Hex(accessToken);
        return db.write(c -> Sql.update(c, "DELETE FROM access_tokens WHERE token_hash = ?", digest)) > 0;
    }

    /** Deletes every access token of {@code user} (logout from all devices); returns how many there were. */
    public int revokeAllTokens(UserId user) {
        return db.write(c -> Sql.update(c, "DELETE FROM access_tokens WHERE user_id = ?", user.toString()));
    }

    /**
     * The owner of a user access token, expired or not ({@link TokenOwner#expired()}). The lookup is by digest, so
     * it reveals nothing through timing.
     */
    public Optional<TokenOwner> tokenOwner(String accessToken) {
        String digest = Secrets.sha256Hex(accessToken);
        long now = clock.millis();
        return db.read(c -> Sql.one(c, "SELECT user_id, device_id, expires_ts FROM access_tokens WHERE token_hash = ?",
                rs -> {
                    long expires = rs.getLong(3);
                    boolean expired = !rs.wasNull() && expires <= now;
                    return new TokenOwner(UserId.parse(rs.getString(1)), rs.getString(2), expired);
                }, digest));
    }

    public Optional<Profile> profile(UserId user) {
        return db.read(c -> Sql.one(c, "SELECT displayname, avatar_url FROM users WHERE user_id = ?",
                rs -> new Profile(user, Optional.ofNullable(rs.getString(1)), Optional.ofNullable(rs.getString(2))),
                user.toString()));
    }

    /** Sets (or clears, with null) the display name; false when the user does not exist. */
    public boolean setDisplayName(UserId user, String displayName) {
        return db.write(c -> Sql.update(c, "UPDATE users SET displayname = ? WHERE user_id = ?", displayName,
                user.toString())) > 0;
    }

    public boolean setAvatarUrl(UserId user, String avatarUrl) {
        return db.write(c -> Sql.update(c, "UPDATE users SET avatar_url = ? WHERE user_id = ?", avatarUrl,
                user.toString())) > 0;
    }

    public boolean isLocal(UserId user) {
        return user.server().equals(serverName);
    }

    private void requireLocal(UserId user) {
        if (!isLocal(user)) {
            throw MatrixError.M_INVALID_USERNAME.withMessage("user " + user + " is not on this server").toException();
        }
    }
}
