package dev.quire.benchmarks;

import dev.quire.permissions.Permission;
import dev.quire.permissions.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic set of movies and the keys and filter values the benchmarks use, all made before any
 * timing starts. The same size always gives the same documents, so every store holds the same data.
 *
 * <p>Values are cycled through (an index masked by {@link #MASK}) so that no store can answer a repeated
 * identical query from a result cache.
 */
public final class Dataset {
    /** How many prepared keys and values each benchmark cycles through; a power of two. */
    public static final int KEYS = 1024;
    /** {@code i & MASK} walks the prepared keys. */
    public static final int MASK = KEYS - 1;
    /** Users that own movies: {@code u0} .. {@code u99}. */
    public static final int USERS = 100;
    /** Sizes at or above this need {@code -Dquire.benchmarks.million=true}, as they take many minutes. */
    public static final int LARGE = 1_000_000;

    static final List<String> GENRES = List.of("action", "adventure", "animation", "comedy", "crime",
            "documentary", "drama", "family", "fantasy", "horror", "romance", "thriller");
    static final String[] WORDS = words();

    private final int size;
    private final List<Movie> movies;
    private final String[] ids = new String[KEYS];
    private final String[] cursors = new String[KEYS];
    private final long[] years = new long[KEYS];
    private final double[] ratings = new double[KEYS];
    private final String[] searchWords = new String[KEYS];
    private final Movie[] fresh = new Movie[KEYS];

    private Dataset(int size) {
        this.size = size;
        SplittableRandom random = new SplittableRandom(20_251_101L);
        this.movies = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            movies.add(movie("m" + i, i, random));
        }
        for (int i = 0; i < KEYS; i++) {
            ids[i] = movies.get((int) ((long) i * size / KEYS)).id();
        }
        shuffle(ids, random);
        for (int i = 0; i < KEYS; i++) {
            // Deep pages: cursors in the middle of the collection.
            cursors[i] = movies.get(size * 2 / 5 + random.nextInt(Math.max(1, size / 5))).id();
            years[i] = 1920 + random.nextInt(100);
            ratings[i] = random.nextInt(95) / 10.0;
            searchWords[i] = WORDS[random.nextInt(WORDS.length)];
            fresh[i] = movie("new" + i, size + i, random);
        }
    }

    /** The movies of a dataset of this size. */
    public static Dataset of(int size) {
        if (size >= LARGE && !Boolean.getBoolean("quire.benchmarks.million")) {
            throw new IllegalArgumentException("A dataset of " + size
                    + " documents takes many minutes to build: opt in with -Dquire.benchmarks.million=true");
        }
        if (size < 10) {
            throw new IllegalArgumentException("A dataset needs at least 10 documents");
        }
        return new Dataset(size);
    }

    private static Movie movie(String id, long number, SplittableRandom random) {
        String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " "
                + WORDS[random.nextInt(WORDS.length)];
        int genreCount = 1 + random.nextInt(3);
        List<String> genres = new ArrayList<>(genreCount);
        for (int g = 0; g < genreCount; g++) {
            String genre = GENRES.get(random.nextInt(GENRES.size()));
            if (!genres.contains(genre)) {
                genres.add(genre);
            }
        }
        String owner = "u" + random.nextInt(USERS);
        List<String> permissions = new ArrayList<>(4);
        permissions.add(Permission.read(Role.user(owner)));
        if (random.nextBoolean()) {
            permissions.add(Permission.read(Role.users()));
        }
        permissions.add(Permission.update(Role.user(owner)));
        permissions.add(Permission.delete(Role.user(owner)));
        return new Movie(id, number, title, 1920 + random.nextInt(100), random.nextInt(101) / 10.0,
                random.nextBoolean(), List.copyOf(genres), List.copyOf(permissions));
    }

    private static void shuffle(String[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /** 200 pronounceable words: a word is in about 1.5% of titles. */
    private static String[] words() {
        String[] consonants = {"b", "d", "k", "l", "m", "n", "r", "s", "t", "v"};
        String[] vowels = {"a", "e", "i", "o"};
        String[] endings = {"n", "r", "s", "x", "l"};
        String[] words = new String[200];
        int w = 0;
        for (String c : consonants) {
            for (String v : vowels) {
                for (String e : endings) {
                    words[w++] = c + v + "r" + v + e;
                }
            }
        }
        return words;
    }

    public int size() {
        return size;
    }

    /** Every movie, in insertion order. */
    public List<Movie> movies() {
        return movies;
    }

    /** Ids of existing movies, spread evenly over the whole collection, distinct at 1,024 documents and more. */
    public String id(int i) {
        return ids[i & MASK];
    }

    /** Ids of movies between 40% and 60% into the insertion order, for deep pages. */
    public String cursor(int i) {
        return cursors[i & MASK];
    }

    public long year(int i) {
        return years[i & MASK];
    }

    /** The low end of a rating range half a point wide. */
    public double rating(int i) {
        return ratings[i & MASK];
    }

    public String searchWord(int i) {
        return searchWords[i & MASK];
    }

    /** Movies that are not in the dataset, with ids {@code new0} .. {@code new1023}. */
    public Movie fresh(int i) {
        return fresh[i & MASK];
    }

    /** The user whose lists the permission benchmark reads: owns 1% of movies and reads about half. */
    public static String reader() {
        return "u7";
    }
}
