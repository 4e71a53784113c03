package app.rapport.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded random stream with the draws the demo book is made of. Each method draws exactly as its
 * {@link SplittableRandom} counterpart would, so the book stays the same for the same seed.
 */
final class DemoRandom {
    private final SplittableRandom r;

    DemoRandom(SplittableRandom r) {
        this.r = r;
    }

    /** An independent stream, split from this one. */
    DemoRandom split() {
        return new DemoRandom(r.split());
    }

    int nextInt(int bound) {
        return r.nextInt(bound);
    }

    long nextLong(long bound) {
        return r.nextLong(bound);
    }

    double nextDouble() {
        return r.nextDouble();
    }

    boolean nextBoolean() {
        return r.nextBoolean();
    }

    /** An index into {@code weights}, each chosen in proportion to its weight. */
    int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) total += w;
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.length - 1;
    }

    <T> T pick(List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    /** A number between {@code lo} and {@code hi}; {@code lo} itself, without a draw, when the range is empty. */
    double uniform(double lo, double hi) {
        return hi <= lo ? lo : lo + r.nextDouble() * (hi - lo);
    }

    /** Fisher–Yates, in place. */
    <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
