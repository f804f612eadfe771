package dev.quire.server;

import dev.quire.QuireException;
import dev.quire.internal.Json;
import dev.quire.permissions.Caller;
import tools.jackson.core.JacksonException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Web Tokens (HS256) that carry a {@link Caller}: the caller's roles in Appwrite's order, an issue time and
 * an expiry. The secret is drawn fresh for every server, so a token works only on the server that minted it
 * and not after a restart.
 */
final class Tokens {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String HEADER = ENCODER.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;

    Tokens(Duration ttl, Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A signed token for a signed-in caller. */
    String mint(Caller caller) {
        if (caller.isGuest()) {
            throw new IllegalArgumentException("a JWT names a user; a guest needs no token");
        }
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("userId", caller.userId().orElseThrow());
        claims.put("roles", List.copyOf(caller.roles()));
        claims.put("iat", now);
        claims.put("exp", now + ttl.toSeconds());
        String body = HEADER + "." + ENCODER.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODER.encodeToString(sign(body));
    }

    /**
     * The caller a token carries.
     *
     * @throws QuireException {@code user_jwt_invalid} when the token is malformed, signed with another key or
     *                        by another algorithm, or expired
     */
    Caller verify(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(HEADER)) {
            throw HttpErrors.jwtInvalid();
        }
        try {
            byte[] signature = DECODER.decode(parts[2]);
            if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
                throw HttpErrors.jwtInvalid();
            }
            Map<?, ?> claims = (Map<?, ?>) Json.MAPPER.readValue(DECODER.decode(parts[1]), Map.class);
            if (!(claims.get("exp") instanceof Number exp) || exp.longValue() <= clock.instant().getEpochSecond()) {
                throw HttpErrors.jwtInvalid();
            }
            return callerOf((String) claims.get("userId"), (List<?>) claims.get("roles"));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException | JacksonException e) {
            throw HttpErrors.jwtInvalid();
        }
    }

    private byte[] sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    /**
     * Rebuilds a caller from its roles, in the order {@link Caller#roles()} lists them: a team's role, then its
     * membership and role entries, and labels last.
     */
    static Caller callerOf(String userId, List<?> roles) {
        Caller caller = Caller.user(userId);
        for (int i = 0; i < roles.size(); i++) {
            String role = (String) roles.get(i);
            if (role.equals("users/verified")) {
                caller = caller.verified();
            } else if (role.startsWith("team:") && !role.contains("/")) {
                String team = role.substring("team:".length());
                String membership = null;
                List<String> teamRoles = new ArrayList<>();
                while (i + 1 < roles.size()) {
                    String next = (String) roles.get(i + 1);
                    if (membership == null && teamRoles.isEmpty() && next.startsWith("member:")) {
                        membership = next.substring("member:".length());
                    } else if (next.startsWith(role + "/")) {
                        teamRoles.add(next.substring(role.length() + 1));
                    } else {
                        break;
                    }
                    i++;
                }
                String[] granted = teamRoles.toArray(String[]::new);
                caller = membership == null ? caller.team(team, granted) : caller.membership(team, membership, granted);
            } else if (role.startsWith("member:")) {
                caller = caller.member(role.substring("member:".length()));
            } else if (role.startsWith("label:")) {
                caller = caller.label(role.substring("label:".length()));
            }
        }
        return caller;
    }
}
