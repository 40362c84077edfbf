/**
 * JMH benchmarks of Steward's hot paths, each measured beside its floor ({@code baseline_}) and the peer a user would pick instead ({@code peer_}).
 *
 * <p>Not published.
 */
@NullMarked
package dev.steward.benchmarks;

import org.jspecify.annotations.NullMarked;
