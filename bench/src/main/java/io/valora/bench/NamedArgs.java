package io.valora.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} command lines of the load tools, read one way: every name must be one the tool knows
 * and have a value, so a typo stops the run before minutes of set-up instead of being ignored.
 */
public final class NamedArgs {

    private NamedArgs() {
    }

    /**
     * The values by name (without the leading {@code --}).
     *
     * @throws IllegalArgumentException naming the first argument that is not a known {@code --name value} pair
     */
    public static Map<String, String> parse(String[] args, Set<String> known) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!known.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs with a name out of " + known + ", got "
                        + args[i]);
            }
            values.put(name, args[i + 1]);
        }
        return values;
    }
}
