package dev.quire.server;

import dev.quire.QuireException;

/**
 * The errors the HTTP layer reports itself (the store reports the rest), with Appwrite's types, codes and
 * wording from its {@code app/config/errors.php}.
 */
final class HttpErrors {
    private HttpErrors() {
    }

    static QuireException routeNotFound() {
        return new QuireException("general_route_not_found", 404, "The requested route was not found. Please refer to the API docs and try again.");
    }

    /** A route Appwrite has whose feature Quire does not offer (yet). */
    static QuireException notImplemented(String what) {
        return new QuireException("general_not_implemented", 405,
                "This method was not fully implemented yet. Quire does not support " + what + ".");
    }

    static QuireException projectUnknown() {
        return new QuireException("project_unknown", 400,
                "The project ID is either missing or not valid. Please check the value of the X-Appwrite-Project header to ensure the correct project ID is being used.");
    }

    static QuireException projectNotFound() {
        return new QuireException("project_not_found", 404, "Project with the requested ID could not be found. Please check the value of the X-Appwrite-Project header to ensure the correct project ID is being used.");
    }

    static QuireException jwtInvalid() {
        return new QuireException("user_jwt_invalid", 401, "The JWT token is invalid. Please pass a valid JWT token.");
    }

    static QuireException keyInvalid() {
        return new QuireException("user_unauthorized", 401, "The current user is not authorized to perform the requested action. The API key is invalid.");
    }

    static QuireException missingParam(String name) {
        return argument("Param \"" + name + "\" is not optional.");
    }

    static QuireException invalidParam(String name, String description) {
        return argument("Invalid `" + name + "` param: " + description);
    }

    static QuireException argument(String message) {
        return new QuireException("general_argument_invalid", 400, message);
    }

    static QuireException transactionNotFound() {
        return new QuireException("transaction_not_found", 404, "Transaction with the requested ID could not be found.");
    }

    static QuireException server() {
        return new QuireException("general_server_error", 500, "Server Error");
    }
}
