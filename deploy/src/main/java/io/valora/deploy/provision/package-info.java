/**
 * {@code ./valora topics}: the command line that provisions Valora's topics and, on request, its ACLs. It sits above
 * {@code topics} and {@code acls} because it uses both, so neither of them has to know the other's caller.
 */
package io.valora.deploy.provision;
