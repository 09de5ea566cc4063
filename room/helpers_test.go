package room_test

import (
	"sync"
	"testing"
	"time"

	"studyguide/content"
	"studyguide/room"
)

// testPack is a small pack: three items, two of the sign category.
func testPack() *content.Pack {
	bank := &content.QuizBank{
		Categories: []content.Category{{ID: "ngo", Label: "NGO-like"}, {ID: "mass", Label: "Mass-organization-like"}},
		Signs: []content.Sign{{ID: "1", Label: "Staff decide"}, {ID: "2", Label: "Grants steer"},
			{ID: "3", Label: "Members | audience"}},
		SignsTitle: "warning signs",
		Scenarios: []*content.Scenario{
			{ID: "dues", Text: "The staff set\nthe dues.", Answer: "ngo", Signs: []string{"1", "3"}, Chapter: 2},
			{ID: "assembly", Text: "Members vote in an assembly.", Answer: "mass", Chapter: 2},
			{ID: "grant", Text: "A grant picks the campaign.", Answer: "ngo", Signs: []string{"2"}, Chapter: 3},
		},
	}
	return &content.Pack{Meta: content.Meta{Title: "Test essay"}, Quiz: bank,
		Chapters: []*content.Chapter{{Number: 2, Title: "The contradiction"}, {Number: 3, Title: "Warning signs"}}}
}

// clock is a clock tests move by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 3, 5, 19, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// newRoom opens a room on testPack with a hand clock.
func newRoom(t testing.TB, cfg room.Config) (*room.Room, *clock) {
	t.Helper()
	c := newClock()
	if cfg.Pack == nil {
		cfg.Pack = testPack()
	}
	cfg.Now = c.Now
	r, err := room.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.Close)
	return r, c
}

// Steps of a small deck.
var (
	stepTitle2 = room.Step{Index: 0, Chapter: 2}
	stepDues   = room.Step{Index: 3, Chapter: 2, Scenario: "dues"}
	stepAssem  = room.Step{Index: 4, Chapter: 2, Scenario: "assembly"}
	stepGrant  = room.Step{Index: 9, Chapter: 3, Scenario: "grant"}
)

func show(t testing.TB, r *room.Room, s room.Step) {
	t.Helper()
	if err := r.Show(s); err != nil {
		t.Fatalf("Show(%+v): %v", s, err)
	}
}

func join(t testing.TB, r *room.Room, key, name string) *room.Member {
	t.Helper()
	m, err := r.Join(key, name)
	if err != nil {
		t.Fatalf("Join(%q, %q): %v", key, name, err)
	}
	return m
}

func vote(t testing.TB, m *room.Member, scenario, category string) {
	t.Helper()
	if err := m.Vote(scenario, category); err != nil {
		t.Fatalf("Vote(%q, %q): %v", scenario, category, err)
	}
}

// pending reports whether a change is waiting on c, taking it.
func pending(c <-chan struct{}) bool {
	select {
	case _, ok := <-c:
		return ok
	default:
		return false
	}
}

// closed reports whether c is closed (draining a pending change first).
func closed(c <-chan struct{}) bool {
	for {
		select {
		case _, ok := <-c:
			if !ok {
				return true
			}
		default:
			return false
		}
	}
}

// counts is a tally as "ID members+hands" strings, for comparing.
func counts(tally []room.Count) map[string][2]int {
	out := map[string][2]int{}
	for _, c := range tally {
		out[c.ID] = [2]int{c.Members, c.Hands}
	}
	return out
}
