package io.valora.gateway.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Small helpers for the asynchronous ingest path: dependent stages wrap failures in
 * {@link CompletionException}, but exception mappers and callers want the original
 * (an {@link IngestRefusedException} saying why a request was refused).
 */
public final class Stages {

    private Stages() {
    }

    /** The same outcome, with a failure's {@link CompletionException} wrappers removed. */
    public static <T> CompletionStage<T> unwrapped(CompletionStage<T> stage) {
        return stage.toCompletableFuture().exceptionallyCompose(t -> CompletableFuture.failedFuture(cause(t)));
    }

    /** Waits for the stage; rethrows its (unwrapped) failure as is. */
    public static <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            Throwable cause = cause(e);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    static Throwable cause(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
