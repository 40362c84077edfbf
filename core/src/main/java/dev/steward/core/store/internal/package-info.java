/**
 * Implementation detail of the JDBC stores: the SQL of each dialect, table names, transactions
 * and the schema migrator.
 *
 * <p>Internal: no compatibility promise; hosts must not use these types.
 */
@NullMarked
package dev.steward.core.store.internal;

import org.jspecify.annotations.NullMarked;
