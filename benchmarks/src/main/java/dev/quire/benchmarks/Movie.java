package dev.quire.benchmarks;

import java.util.List;

/**
 * One benchmark document: strings, an integer, a float, a boolean and a string array, owned by one user.
 *
 * @param id          the document id ({@code $id}, {@code _uid}, Nitrite's {@code uid})
 * @param number      its position in the dataset; stores keep it as their insertion order
 * @param title       three words from {@link Dataset#WORDS}, for full-text search
 * @param year        1920 to 2019
 * @param rating      0.0 to 10.0, one decimal
 * @param active      a coin flip
 * @param genres      one to three genres
 * @param permissions read, update and delete for the owner; half the movies are also readable by all users
 */
public record Movie(String id, long number, String title, long year, double rating, boolean active,
                    List<String> genres, List<String> permissions) {
}
