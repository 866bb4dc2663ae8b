package uz.qaror.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

import uz.qaror.Problem;

/**
 * Checks {@code Authorization: Bearer <token>}. Both sides are hashed first, so that the comparison
 * ({@link MessageDigest#isEqual}, constant time) sees arrays of one length and leaks neither the token's content
 * nor its length through timing.
 */
final class BearerToken {

    private static final String PREFIX = "bearer ";

    private final byte[] expected;

    BearerToken(String token) {
        this.expected = sha256(token);
    }

    /** @throws ApiError 401 with a challenge when the header is missing or names another token */
    void check(String authorization) {
        if (authorization == null || authorization.length() <= PREFIX.length()
                || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw unauthorized("this endpoint needs Authorization: Bearer <token>");
        }
        byte[] given = sha256(authorization.substring(PREFIX.length()).trim());
        if (!MessageDigest.isEqual(expected, given)) {
            throw unauthorized("the bearer token is not the server's");
        }
    }

    private static ApiError unauthorized(String message) {
        return new ApiError(401, "UNAUTHORIZED", message, List.of(new Problem("Authorization", message)),
                List.of(), Map.of("WWW-Authenticate", "Bearer realm=\"qaror\""));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
