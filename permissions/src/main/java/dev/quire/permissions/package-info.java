/**
 * Appwrite permissions and roles in plain Java.
 *
 * <p>{@link dev.quire.permissions.Permission} and {@link dev.quire.permissions.Role} build the same strings
 * as the Appwrite SDKs; {@link dev.quire.permissions.Permissions} parses them into
 * {@link dev.quire.permissions.Grant}s and decides access; {@link dev.quire.permissions.Caller} says who is
 * asking. Invalid input is reported with Appwrite's own error type, code and message through
 * {@link dev.quire.permissions.PermissionException}.
 */
package dev.quire.permissions;
