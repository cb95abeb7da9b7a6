package org.fallline.samples;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs the command line in-process, as {@code main} does but without exiting, capturing its output. */
final class Run {

    record Result(int status, String out, String err) {

        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }

        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Run() {
    }

    static Result fallline(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Fallline.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(status, out.toString(), err.toString());
    }
}
