package dev.quire.permissions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is making a request, as the set of Appwrite roles they hold.
 *
 * <pre>{@code
 * Caller visitor = Caller.guest();                 // any, guests
 * Caller alice = Caller.user("alice")              // any, users, user:alice, user:alice/unverified, users/unverified
 *         .verified()                              //   ... user:alice/verified, users/verified instead
 *         .team("t1", "owner")                     // team:t1, team:t1/owner
 *         .member("m1")                            // member:m1
 *         .label("admin");                         // label:admin
 * boolean mayRead = alice.roles().contains("team:t1");
 * }</pre>
 *
 * <p>A caller is immutable: every method returns a new one. {@link #roles()} iterates in the order Appwrite's
 * {@code Authorization::getRoles()} lists them, because that order appears in error messages: {@code any},
 * then {@code guests} or {@code users}, the user's own roles, team and membership roles in the order they
 * were added, and labels last. The {@link #membership} method adds one membership's roles in exactly the
 * order Appwrite does ({@code team:T}, {@code member:M}, {@code team:T/ROLE}).
 *
 * <p>Ids are checked against Appwrite's rules when given, so every role a caller holds can also be written in
 * a permission; an invalid id or name is an {@link IllegalArgumentException}.
 */
public final class Caller {

    private final String userId;          // null for a guest
    private final boolean verified;
    private final List<String> teamRoles; // team and member roles, in the order they were added
    private final List<String> labels;    // label roles; Appwrite lists them after every membership
    private final Set<String> roles;

    private Caller(String userId, boolean verified, List<String> teamRoles, List<String> labels) {
        this.userId = userId;
        this.verified = verified;
        this.teamRoles = teamRoles;
        this.labels = labels;
        this.roles = buildRoles();
    }

    /**
     * A caller who is not signed in.
     *
     * @return a guest, holding {@code any} and {@code guests}
     */
    public static Caller guest() {
        return new Caller(null, false, List.of(), List.of());
    }

    /**
     * A signed-in user whose email and phone are not verified.
     *
     * @param id the user's id: 1 to 36 chars of a-z, A-Z, 0-9, period, hyphen and underscore, not starting
     *     with a special char
     * @return a user holding {@code any}, {@code users}, {@code user:ID}, {@code user:ID/unverified} and
     *     {@code users/unverified}
     * @throws PermissionException {@code general_argument_invalid} if {@code id} is null; if {@code id} is not a valid Appwrite id
     */
    public static Caller user(String id) {
        return new Caller(checkId("id", id), false, List.of(), List.of());
    }

    /**
     * The same user with a verified email or phone.
     *
     * @return a caller holding {@code user:ID/verified} and {@code users/verified} instead of the unverified roles
     * @throws PermissionException {@code general_argument_invalid} if this caller is a guest
     */
    public Caller verified() {
        if (userId == null) {
            throw PermissionException.invalidParam("caller", "a guest has no verification status; use Caller.user(id).verified()");
        }
        return new Caller(userId, true, teamRoles, labels);
    }

    /**
     * Adds a confirmed team membership without its membership id.
     *
     * @param teamId the team's id
     * @param roles the caller's roles in the team, e.g. {@code "owner"}; may be empty
     * @return a caller that also holds {@code team:TEAM} and {@code team:TEAM/ROLE} for each role
     * @throws PermissionException {@code general_argument_invalid} if an argument or a role is null; if the id or a role is not valid in Appwrite; if this caller is a guest
     */
    public Caller team(String teamId, String... roles) {
        return withTeamRoles(teamId, null, roles);
    }

    /**
     * Adds a confirmed team membership with its id, in Appwrite's order: {@code team:TEAM},
     * {@code member:MEMBERSHIP}, then {@code team:TEAM/ROLE} for each role.
     *
     * @param teamId the team's id
     * @param membershipId the membership's id
     * @param roles the caller's roles in the team; may be empty
     * @return a caller that also holds the membership's roles
     * @throws PermissionException {@code general_argument_invalid} if an argument or a role is null; if an id or a role is not valid in Appwrite; if this caller is a guest
     */
    public Caller membership(String teamId, String membershipId, String... roles) {
        return withTeamRoles(teamId, checkId("membershipId", membershipId), roles);
    }

    /**
     * Adds a membership role on its own.
     *
     * @param membershipId the membership's id
     * @return a caller that also holds {@code member:MEMBERSHIP}
     * @throws PermissionException {@code general_argument_invalid} if {@code membershipId} is null; if the id is not valid in Appwrite; if this caller is a guest
     */
    public Caller member(String membershipId) {
        requireUser("membership");
        List<String> added = new ArrayList<>(teamRoles);
        added.add(Role.member(checkId("membershipId", membershipId)));
        return new Caller(userId, verified, List.copyOf(added), labels);
    }

    /**
     * Adds a user label.
     *
     * @param name the label: 1 to 36 letters and digits
     * @return a caller that also holds {@code label:NAME}
     * @throws PermissionException {@code general_argument_invalid} if {@code name} is null; if the name is not a valid Appwrite label; if this caller is a guest
     */
    public Caller label(String name) {
        requireUser("label");
        PermissionException.require(name, "label");
        if (!Syntax.isLabel(name)) {
            throw PermissionException.invalidParam("label", Syntax.labelDescription());
        }
        List<String> added = new ArrayList<>(labels);
        added.add(Role.label(name));
        return new Caller(userId, verified, teamRoles, List.copyOf(added));
    }

    /**
     * Every role this caller holds, in Appwrite's order, without duplicates.
     *
     * @return an unmodifiable set whose iteration order is Appwrite's
     */
    public Set<String> roles() {
        return roles;
    }

    /**
     * The user's id.
     *
     * @return the id, or empty for a guest
     */
    public Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    /**
     * Whether this caller is not signed in.
     *
     * @return {@code true} for {@link #guest()}
     */
    public boolean isGuest() {
        return userId == null;
    }

    /**
     * Two callers are equal when they hold the same roles in the same order.
     *
     * @param other the object to compare with
     * @return whether {@code other} is an equal caller
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Caller that && List.copyOf(roles).equals(List.copyOf(that.roles));
    }

    /**
     * A hash code consistent with {@link #equals}.
     *
     * @return the hash of the ordered roles
     */
    @Override
    public int hashCode() {
        return List.copyOf(roles).hashCode();
    }

    /**
     * A readable form listing the roles.
     *
     * @return e.g. {@code Caller[any, guests]}
     */
    @Override
    public String toString() {
        return "Caller" + roles;
    }

    private Caller withTeamRoles(String teamId, String membershipId, String... roles) {
        requireUser("team");
        checkId("teamId", teamId);
        PermissionException.require(roles, "roles");
        List<String> added = new ArrayList<>(teamRoles);
        added.add(Role.team(teamId));
        if (membershipId != null) {
            added.add(Role.member(membershipId));
        }
        for (String role : roles) {
            PermissionException.require(role, "roles");
            if (!Syntax.isKey(role, Syntax.DIMENSION_MAX_LENGTH)) {
                throw PermissionException.invalidParam("roles", Syntax.keyDescription(Syntax.DIMENSION_MAX_LENGTH));
            }
            added.add(Role.team(teamId, role));
        }
        return new Caller(userId, verified, List.copyOf(added), labels);
    }

    private void requireUser(String what) {
        // Appwrite resolves no memberships or labels for a guest, so a guest cannot hold those roles.
        if (userId == null) {
            throw PermissionException.invalidParam("caller", "a guest cannot have a " + what + "; start from Caller.user(id)");
        }
    }

    private static String checkId(String what, String id) {
        PermissionException.require(id, what);
        if (!Syntax.isKey(id, Syntax.ID_MAX_LENGTH)) {
            throw PermissionException.invalidParam(what, Syntax.keyDescription(Syntax.ID_MAX_LENGTH));
        }
        return id;
    }

    private Set<String> buildRoles() {
        Set<String> ordered = new LinkedHashSet<>();
        ordered.add(Role.any());
        if (userId == null) {
            ordered.add(Role.guests());
        } else {
            // Appwrite first sets "users" for any signed-in caller, then adds Auth::getRoles():
            // user:ID, users (already present), user:ID/STATUS, users/STATUS.
            String status = verified ? "verified" : "unverified";
            ordered.add(Role.users());
            ordered.add(Role.user(userId));
            ordered.add(Role.user(userId, status));
            ordered.add(Role.users(status));
        }
        ordered.addAll(teamRoles);
        ordered.addAll(labels);
        return Collections.unmodifiableSet(ordered);
    }
}
