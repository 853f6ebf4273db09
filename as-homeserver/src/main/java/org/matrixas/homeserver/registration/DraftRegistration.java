package org.matrixas.homeserver.registration;

import java.util.Objects;
import java.util.Optional;
import org.matrixas.homeserver.account.Secrets;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.namespace.InvalidNamespaceException;
import org.matrixas.protocol.namespace.NamespaceMatcher;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.InvalidRegistrationException;
import org.matrixas.protocol.registration.Registration;

/**
 * A request to the draft's {@code POST /register}: url, as_token, namespaces, plus two optional extensions,
 * {@code id} (default: derived from the SHA-256 of the as_token) and {@code sender_localpart} (default: the id).
 */
public record DraftRegistration(String url, String asToken, Namespaces namespaces, String id, String senderLocalpart) {

    public DraftRegistration {
        Objects.requireNonNull(asToken, "asToken is null");
        namespaces = namespaces == null ? Namespaces.empty() : namespaces;
    }

    /** Validates and builds the registration: {@code 400 M_INVALID_PARAM} for a bad url, regex or localpart. */
    Registration toRegistration(Optional<String> existingId, String hsToken) {
        String derived = "as_" + Secrets.sha256Hex(asToken).substring(0, 16);
        String finalId = existingId.orElse(id != null ? id : derived);
        if (id != null && existingId.isPresent() && !existingId.get().equals(id)) {
            throw invalid("this as_token is already registered with id '" + existingId.get() + "'");
        }
        String sender = senderLocalpart != null ? senderLocalpart : finalId;
        if (!UserId.isStrictLocalpart(sender)) {
            throw invalid("sender_localpart '" + sender + "' may only contain a-z 0-9 . _ = - / +");
        }
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw invalid("url must be an http:// or https:// URL");
        }
        try {
            NamespaceMatcher.compile(namespaces);
            return Registration.builder().id(finalId).url(url).asToken(asToken).hsToken(hsToken)
                    .senderLocalpart(sender).namespaces(namespaces).build();
        } catch (InvalidNamespaceException | InvalidRegistrationException e) {
            throw invalid(e.getMessage());
        }
    }

    private static RuntimeException invalid(String message) {
        return MatrixError.M_INVALID_PARAM.withMessage(message).toException();
    }

    @Override
    public String toString() {
        return "DraftRegistration[url=" + url + ", id=" + id + "]";
    }
}
