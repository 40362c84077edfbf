/** Helpers the core tests share. */
@NullMarked
package dev.steward.core.testing;

import org.jspecify.annotations.NullMarked;
