package dev.steward.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.idempotency.Sequencer.Decision;
import dev.steward.core.idempotency.Sequencer.GapOutcome;
import dev.steward.core.idempotency.Sequencer.GapPolicy;
import dev.steward.core.store.InMemorySequenceStore;
import dev.steward.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequencerTest {
  private static final String CUSTOMER = Sequencer.stream("cus_01JDQ6Z3M4X8E2T7V5K9W0B1NA", "crm");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
  private final InMemorySequenceStore store = InMemorySequenceStore.create();

  private Sequencer<String> sequencer(GapPolicy policy) {
    return Sequencer.of(store, clock, Duration.ofMinutes(5), 3, policy);
  }

  @Test
  void versionsMovingForward_areApplied_andAStaleOneIsRejected_namingBoth() {
    Sequencer<String> s = sequencer(GapPolicy.ESCALATE);

    assertThat(s.offer(CUSTOMER, 7, "v7")).isEqualTo(new Decision.Apply<>(CUSTOMER, List.of("v7"), 7));
    assertThat(s.offer(CUSTOMER, 8, "v8")).isEqualTo(new Decision.Apply<>(CUSTOMER, List.of("v8"), 8));
    Decision<String> stale = s.offer(CUSTOMER, 6, "v6");
    Decision<String> replayed = s.offer(CUSTOMER, 8, "v8 again");

    assertThat(stale).isEqualTo(new Decision.Stale<>(CUSTOMER, 8, 6));
    assertThat(((Decision.Stale<String>) stale).describe()).contains("is at 8").contains("change at 6");
    assertThat(replayed).isInstanceOf(Decision.Stale.class);
    assertThat(store.current(CUSTOMER)).hasValue(8);
  }

  @Test
  void aChangeThatSkipsVersions_isHeld_andReleasedInOrderWhenTheGapFills() {
    Sequencer<String> s = sequencer(GapPolicy.ESCALATE);
    s.offer(CUSTOMER, 1, "v1");

    Decision<String> v4 = s.offer(CUSTOMER, 4, "v4");
    Decision<String> v3 = s.offer(CUSTOMER, 3, "v3");
    Decision<String> v2 = s.offer(CUSTOMER, 2, "v2");

    assertThat(v4).isEqualTo(new Decision.Held<>(CUSTOMER, 2, 4, clock.instant().plus(Duration.ofMinutes(5))));
    assertThat(v3).isInstanceOf(Decision.Held.class);
    assertThat(v2).isEqualTo(new Decision.Apply<>(CUSTOMER, List.of("v2", "v3", "v4"), 4));
    assertThat(s.heldFor(CUSTOMER)).isZero();
    assertThat(store.current(CUSTOMER)).hasValue(4);
  }

  @Test
  void whenTheWindowEnds_heldChangesAreReleasedInOrderPastTheGap_orEscalated() {
    Sequencer<String> release = sequencer(GapPolicy.RELEASE_IN_ORDER);
    release.offer(CUSTOMER, 1, "v1");
    release.offer(CUSTOMER, 5, "v5");
    release.offer(CUSTOMER, 4, "v4");
    String other = Sequencer.stream("cus_01JDQ6Z3M4X8E2T7V5K9W0B1NB", "crm");
    Sequencer<String> escalate = Sequencer.of(InMemorySequenceStore.create(), clock, Duration.ofMinutes(5), 3,
        GapPolicy.ESCALATE);
    escalate.offer(other, 10, "v10");
    escalate.offer(other, 12, "v12");

    assertThat(release.expire(clock.instant().plus(Duration.ofMinutes(4)))).isEmpty();
    clock.advance(Duration.ofMinutes(5));
    List<GapOutcome<String>> released = release.expire(clock.instant());
    List<GapOutcome<String>> escalated = escalate.expire(clock.instant());

    assertThat(released).containsExactly(new GapOutcome<>(CUSTOMER, 2, 3, List.of("v4", "v5"), true));
    assertThat(store.current(CUSTOMER)).hasValue(5);
    assertThat(escalated).containsExactly(new GapOutcome<>(other, 11, 11, List.of("v12"), false));
    assertThat(escalate.offer(other, 11, "v11")).isEqualTo(new Decision.Apply<>(other, List.of("v11"), 11));
  }

  @Test
  void aFullBuffer_endsTheWindowAtOnce() {
    Sequencer<String> s = sequencer(GapPolicy.RELEASE_IN_ORDER);
    s.offer(CUSTOMER, 1, "v1");
    for (int v = 3; v <= 6; v++) {
      s.offer(CUSTOMER, v, "v" + v);
    }

    assertThat(s.expire(clock.instant())).singleElement()
        .satisfies(g -> assertThat(g.changes()).containsExactly("v3", "v4", "v5", "v6"));
  }

  @Test
  void sourcesWithoutVersions_areSequencedByTimestamp() {
    Sequencer<String> s = sequencer(GapPolicy.ESCALATE);
    Instant t = Instant.parse("2026-11-27T09:00:00Z");

    assertThat(s.offerByTimestamp(CUSTOMER, t, "a")).isInstanceOf(Decision.Apply.class);
    assertThat(s.offerByTimestamp(CUSTOMER, t.plusSeconds(90), "b")).isInstanceOf(Decision.Apply.class);
    assertThat(s.offerByTimestamp(CUSTOMER, t.plusSeconds(30), "late")).isEqualTo(
        new Decision.Stale<>(CUSTOMER, t.plusSeconds(90).toEpochMilli(), t.plusSeconds(30).toEpochMilli()));
  }

  @Test
  void aStreamMovedElsewhere_isReportedNotOverwritten() {
    Sequencer<String> s = sequencer(GapPolicy.ESCALATE);
    s.offer(CUSTOMER, 1, "v1");
    store.advance(CUSTOMER, java.util.OptionalLong.of(1), 9); // another instance moved it

    assertThat(s.offer(CUSTOMER, 10, "v10")).isInstanceOf(Decision.Apply.class);
    assertThat(s.offer(CUSTOMER, 5, "v5")).isInstanceOf(Decision.Stale.class);
    assertThatThrownBy(() -> Sequencer.of(store, clock, Duration.ofMinutes(-1), 3, GapPolicy.ESCALATE))
        .hasMessageContaining("window");
  }
}
