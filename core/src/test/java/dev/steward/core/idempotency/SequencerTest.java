package dev.steward.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.idempotency.Sequencer.Decision;
import dev.steward.core.idempotency.Sequencer.Gap;
import dev.steward.core.idempotency.Sequencer.GapOutcome;
import dev.steward.core.idempotency.Sequencer.GapPolicy;
import dev.steward.core.store.InMemorySequenceStore;
import dev.steward.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SequencerTest {
  private static final String CUSTOMER = Sequencer.stream("cus_01JDQ6Z3M4X8E2T7V5K9W0B1NA", "crm");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
  private final InMemorySequenceStore store = InMemorySequenceStore.create();

  private Sequencer<String> sequencer(GapPolicy policy) {
    return Sequencer.of(store, clock, Duration.ofMinutes(5), 3, policy);
  }

  /** Applies and commits what a decision asks for, as a host does; returns what was applied. */
  private static List<String> applyAll(Sequencer<String> s, Decision<String> d) {
    assertThat(d).isInstanceOf(Decision.Apply.class);
    List<String> applied = new java.util.ArrayList<>();
    Decision.Apply<String> ticket = (Decision.Apply<String>) d;
    while (ticket != null) {
      applied.addAll(ticket.changes());
      ticket = s.commit(ticket).orElse(null);
    }
    return applied;
  }

  @Test
  void versionsMovingForward_areApplied_andAStaleOneIsRejected_namingBoth() {
    Sequencer<String> s = sequencer(GapPolicy.ESCALATE);

    assertThat(applyAll(s, s.offer(CUSTOMER, 7, "v7"))).containsExactly("v7");
    assertThat(applyAll(s, s.offer(CUSTOMER, 8, "v8"))).containsExactly("v8");
    Decision<String> stale = s.offer(CUSTOMER, 6, "v6");
    Decision<String> replayed = s.offer(CUSTOMER, 8, "v8 again");

    assertThat(stale).isEqualTo(new Decision.Stale<>(CUSTOMER, 8, 6));
    assertThat(((Decision.Stale<String>) stale).describe()).contains("is at 8").contains("change at 6");
    assertThat(replayed).isInstanceOf(Decision.Stale.class);
    assertThat(store.current(CUSTOMER)).hasValue(8);
  }

  @Test
  void thePositionMovesOnlyWhenTheHostCommits_soARedeliveryAfterAFailedApplyIsNotStale() {
    Sequencer<String> s = sequencer(GapPolicy.ESCALATE);
    applyAll(s, s.offer(CUSTOMER, 1, "v1"));

    Decision.Apply<String> ticket = (Decision.Apply<String>) s.offer(CUSTOMER, 2, "v2");
    assertThat(store.current(CUSTOMER)).as("not moved before the change is applied").hasValue(1);
    assertThat(s.offer(CUSTOMER, 2, "v2 duplicate")).as("while it is being applied").isInstanceOf(Decision.Stale.class);
    s.abandon(ticket); // the ERP call failed

    assertThat(applyAll(s, s.offer(CUSTOMER, 2, "v2 redelivered"))).containsExactly("v2 redelivered");
    assertThat(store.current(CUSTOMER)).hasValue(2);
    assertThatThrownBy(() -> s.commit(ticket)).isInstanceOf(IllegalStateException.class).hasMessageContaining("not open");
  }

  @Test
  void aChangeThatSkipsVersions_isHeld_andReleasedInOrderWhenTheGapFills() {
    Sequencer<String> s = sequencer(GapPolicy.ESCALATE);
    applyAll(s, s.offer(CUSTOMER, 1, "v1"));

    Decision<String> v4 = s.offer(CUSTOMER, 4, "v4");
    Decision<String> v3 = s.offer(CUSTOMER, 3, "v3");
    Decision<String> v2 = s.offer(CUSTOMER, 2, "v2");

    assertThat(v4).isEqualTo(new Decision.Held<>(CUSTOMER, 2, 4, clock.instant().plus(Duration.ofMinutes(5))));
    assertThat(v3).isInstanceOf(Decision.Held.class);
    assertThat(v2).isEqualTo(new Decision.Apply<>(CUSTOMER, List.of("v2", "v3", "v4"), OptionalLong.of(1), 4));
    assertThat(applyAll(s, v2)).containsExactly("v2", "v3", "v4");
    assertThat(s.heldFor(CUSTOMER)).isZero();
    assertThat(store.current(CUSTOMER)).hasValue(4);
  }

  @Test
  void changesOfferedWhileATicketIsOpen_followItWhenItCommits() {
    Sequencer<String> s = sequencer(GapPolicy.ESCALATE);
    applyAll(s, s.offer(CUSTOMER, 1, "v1"));
    Decision.Apply<String> two = (Decision.Apply<String>) s.offer(CUSTOMER, 2, "v2");

    assertThat(s.offer(CUSTOMER, 3, "v3")).isInstanceOf(Decision.Held.class);
    assertThat(s.commit(two)).hasValueSatisfying(next -> assertThat(next.changes()).containsExactly("v3"));
  }

  @Test
  void whenTheWindowEnds_heldChangesAreReleasedInOrderPastEveryGap_orEscalated() {
    Sequencer<String> release = sequencer(GapPolicy.RELEASE_IN_ORDER);
    applyAll(release, release.offer(CUSTOMER, 1, "v1"));
    release.offer(CUSTOMER, 6, "v6");
    release.offer(CUSTOMER, 4, "v4");
    String other = Sequencer.stream("cus_01JDQ6Z3M4X8E2T7V5K9W0B1NB", "crm");
    Sequencer<String> escalate = Sequencer.of(InMemorySequenceStore.create(), clock, Duration.ofMinutes(5), 3,
        GapPolicy.ESCALATE);
    applyAll(escalate, escalate.offer(other, 10, "v10"));
    escalate.offer(other, 12, "v12");

    assertThat(release.expire(clock.instant().plus(Duration.ofMinutes(4)))).isEmpty();
    clock.advance(Duration.ofMinutes(5));
    List<GapOutcome<String>> released = release.expire(clock.instant());
    List<GapOutcome<String>> escalated = escalate.expire(clock.instant());

    assertThat(released).singleElement().satisfies(g -> {
      assertThat(g.gaps()).containsExactly(new Gap(2, 3), new Gap(5, 5));
      assertThat(g.changes()).containsExactly("v4", "v6");
      assertThat(applyAll(release, g.release().orElseThrow())).containsExactly("v4", "v6");
    });
    assertThat(store.current(CUSTOMER)).hasValue(6);
    assertThat(escalated).singleElement().satisfies(g -> {
      assertThat(g.gaps()).containsExactly(new Gap(11, 11));
      assertThat(g.release()).isEmpty();
      assertThat(g.changes()).containsExactly("v12");
    });
    assertThat(applyAll(escalate, escalate.offer(other, 11, "v11"))).containsExactly("v11");
  }

  @Test
  void expiry_neverMovesAStreamBackwards_whenAnotherInstanceMovedIt() {
    Sequencer<String> s = sequencer(GapPolicy.RELEASE_IN_ORDER);
    applyAll(s, s.offer(CUSTOMER, 1, "v1"));
    s.offer(CUSTOMER, 3, "v3");
    store.advance(CUSTOMER, OptionalLong.of(1), 6); // another instance moved it on
    clock.advance(Duration.ofMinutes(6));

    assertThat(s.expire(clock.instant())).singleElement().satisfies(g -> {
      assertThat(g.stale()).containsExactly("v3");
      assertThat(g.release()).isEmpty();
    });
    assertThat(store.current(CUSTOMER)).hasValue(6);
  }

  @Test
  void aFullBuffer_endsTheWindowAtOnce_andRefusesMore() {
    Sequencer<String> s = sequencer(GapPolicy.RELEASE_IN_ORDER);
    applyAll(s, s.offer(CUSTOMER, 1, "v1"));
    for (int v = 3; v <= 5; v++) {
      assertThat(s.offer(CUSTOMER, v, "v" + v)).isInstanceOf(Decision.Held.class);
    }

    assertThat(s.offer(CUSTOMER, 6, "v6")).isEqualTo(new Decision.Overflow<>(CUSTOMER, 6, 3));
    assertThat(s.heldFor(CUSTOMER)).isEqualTo(3);
    assertThat(s.expire(clock.instant())).singleElement()
        .satisfies(g -> assertThat(g.changes()).containsExactly("v3", "v4", "v5"));
  }

  @Test
  void sourcesWithoutVersions_areSequencedByTimestamp_toTheNanosecond() {
    Sequencer<String> s = sequencer(GapPolicy.ESCALATE);
    Instant t = Instant.parse("2026-11-27T09:00:00Z");

    assertThat(applyAll(s, s.offerByTimestamp(CUSTOMER, t, "a"))).containsExactly("a");
    assertThat(applyAll(s, s.offerByTimestamp(CUSTOMER, t.plusNanos(800_000), "b, 0.8 ms later"))).hasSize(1);
    assertThat(s.offerByTimestamp(CUSTOMER, t.plusNanos(500_000), "late")).isInstanceOf(Decision.Stale.class);
  }

  @Test
  void aStreamMovedElsewhere_isReportedOnCommit_notOverwritten() {
    Sequencer<String> s = sequencer(GapPolicy.ESCALATE);
    applyAll(s, s.offer(CUSTOMER, 1, "v1"));
    Decision.Apply<String> two = (Decision.Apply<String>) s.offer(CUSTOMER, 2, "v2");
    store.advance(CUSTOMER, OptionalLong.of(1), 9); // another instance moved it

    assertThatThrownBy(() -> s.commit(two)).isInstanceOf(IllegalStateException.class).hasMessageContaining("another instance");
    assertThat(store.current(CUSTOMER)).hasValue(9);
    assertThatThrownBy(() -> Sequencer.of(store, clock, Duration.ofMinutes(-1), 3, GapPolicy.ESCALATE))
        .hasMessageContaining("window");
  }
}
