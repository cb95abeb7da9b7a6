package org.fallline.samples;

/** The {@code fallline} command line (placeholder while the subcommands are written). */
public final class Fallline {
    private Fallline() {
    }

    public static void main(String[] args) {
        System.out.println("fallline");
    }
}
