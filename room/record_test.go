package room_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"studyguide/content"
	"studyguide/room"
	"studyguide/seeds"
)

// meeting plays a short meeting: two chapters, a question, three items.
func meeting(t *testing.T) (*room.Room, *clock, []*room.Member) {
	t.Helper()
	r, clk := newRoom(t, room.Config{})
	show(t, r, stepTitle2)
	ada := join(t, r, "K1", "Adelheid Quux")
	bo := join(t, r, "", "Bodo Zyx")
	cy := join(t, r, "", "Cyd")
	clk.Add(5 * time.Minute)
	question := room.Step{Index: 1, Chapter: 2, Question: "Who decides,\nin your group?"}
	show(t, r, question)
	clk.Add(10 * time.Minute)
	show(t, r, stepDues)
	vote(t, ada, "dues", "ngo")
	vote(t, bo, "dues", "mass")
	vote(t, cy, "dues", "mass")
	r.AddHand("dues", "mass")
	r.Reveal("dues")
	ada.VoteSign("dues", "1")
	bo.VoteSign("dues", "2")
	r.AddHand("dues", "3")
	r.Reveal("dues")
	clk.Add(3 * time.Minute)
	show(t, r, stepAssem)
	vote(t, ada, "assembly", "ngo")
	clk.Add(7 * time.Minute)
	show(t, r, stepGrant)
	vote(t, bo, "grant", "ngo")
	r.Reveal("grant")
	clk.Add(12 * time.Minute)
	show(t, r, question)
	clk.Add(2*time.Minute + 20*time.Second)
	return r, clk, []*room.Member{ada, bo}
}

func TestRecord(t *testing.T) {
	r, _, _ := meeting(t)
	r.Close()
	var b strings.Builder
	if err := r.WriteRecord(&b); err != nil {
		t.Fatal(err)
	}
	want := `# Meeting record: Test essay

- Date: Thursday 5 March 2026, 19:00 to 19:39 (39 min)
- Members who joined: 3

## Chapters covered

| Chapter | Steps shown | Time |
|---|---:|---:|
| 2. The contradiction | 4 | 27 min |
| 3. Warning signs | 1 | 12 min |

## Quiz items

### 1. dues (2. The contradiction)

> The staff set the dues.

The essay's answer: NGO-like; warning signs: 1. Staff decide; 3. Members | audience.

| NGO-like or Mass-organization-like? | Members | Hands | Total |
|---|---:|---:|---:|
| NGO-like ✓ | 1 | 0 | 1 |
| Mass-organization-like | 2 | 1 | 3 |

*Which of the warning signs does it show?* Fewer than 3 members voted: only the hands are written.

| Which of the warning signs does it show? | Hands |
|---|---:|
| Staff decide ✓ | 0 |
| Members \| audience ✓ | 1 |

### 2. assembly (2. The contradiction)

> Members vote in an assembly.

The essay's answer: Mass-organization-like.

*NGO-like or Mass-organization-like?* Not revealed in the meeting: no tally kept.

### 3. grant (3. Warning signs)

> A grant picks the campaign.

The essay's answer: NGO-like; warning signs: 2. Grants steer.

*NGO-like or Mass-organization-like?* Fewer than 3 members voted: only the hands are written.

| NGO-like or Mass-organization-like? | Hands |
|---|---:|
| NGO-like ✓ | 0 |
| Mass-organization-like | 0 |

*Which of the warning signs does it show?* Not revealed in the meeting: no tally kept.

## Discussion questions shown

1. Who decides, in your group? (chapter 2)
`
	if got := b.String(); got != want {
		t.Errorf("record:\n%s\nwant:\n%s", got, want)
	}
	for _, name := range []string{"Adelheid", "Quux", "Bodo", "Zyx", "Cyd", "K1"} {
		if strings.Contains(b.String(), name) {
			t.Errorf("the record names %q", name)
		}
	}
}

// Written before the room closes, the record covers the meeting so far,
// counting the time in the chapter the room is in.
func TestRecordBeforeClose(t *testing.T) {
	r, clk, _ := meeting(t)
	clk.Add(40 * time.Minute)
	var b strings.Builder
	if err := r.WriteRecord(&b); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"19:00 to 20:19 (1 h 19 min)", "| 2. The contradiction | 4 | 1 h 7 min |"} {
		if !strings.Contains(b.String(), line) {
			t.Errorf("the record lacks %q:\n%s", line, b.String())
		}
	}
}

func TestRecordOfAnEmptyMeeting(t *testing.T) {
	r, _ := newRoom(t, room.Config{})
	r.Close()
	var b strings.Builder
	if err := r.WriteRecord(&b); err != nil {
		t.Fatal(err)
	}
	want := "# Meeting record: Test essay\n\n- Date: Thursday 5 March 2026, 19:00 to 19:00 (under a minute)\n- Members who joined: 0\n"
	if b.String() != want {
		t.Errorf("record %q, want %q", b.String(), want)
	}
}

func TestRecordNamesUnknownChapters(t *testing.T) {
	r, _ := newRoom(t, room.Config{})
	show(t, r, room.Step{Index: 0, Chapter: 9})
	var b strings.Builder
	r.WriteRecord(&b)
	if !strings.Contains(b.String(), "| chapter 9 | 1 | under a minute |") {
		t.Errorf("record:\n%s", b.String())
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errFail }

var errFail = errorString("disk full")

type errorString string

func (e errorString) Error() string { return string(e) }

func TestRecordReportsWriteErrors(t *testing.T) {
	r, _, _ := meeting(t)
	if err := r.WriteRecord(failWriter{}); err != errFail {
		t.Errorf("WriteRecord to a failing writer: %v", err)
	}
}

func TestMisses(t *testing.T) {
	r, _, ms := meeting(t)
	ada, bo := ms[0], ms[1]
	// dues: Ada right throughout; Bo wrong on both. assembly: Ada wrong,
	// not revealed. grant: Bo right, sign not voted.
	check := func(who string, m *room.Member, want []room.Miss) {
		t.Helper()
		got := m.Misses()
		if len(got) != len(want) {
			t.Fatalf("%s's misses %+v, want %+v", who, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s's miss %d: %+v, want %+v", who, i+1, got[i], want[i])
			}
		}
	}
	check("Ada", ada, nil)
	check("Bo", bo, []room.Miss{{Scenario: "dues", Category: "mass", Sign: "2"}})
	// Once the room closes, unrevealed votes count too.
	r.Close()
	check("Ada", ada, []room.Miss{{Scenario: "assembly", Category: "ngo"}})
	check("Bo", bo, []room.Miss{{Scenario: "dues", Category: "mass", Sign: "2"}})
}

func TestMissOnlyTheSign(t *testing.T) {
	r, ms := seated(t, stepDues, "Ada")
	vote(t, ms[0], "dues", "ngo")
	r.Reveal("dues")
	ms[0].VoteSign("dues", "2")
	if got := ms[0].Misses(); len(got) != 0 {
		t.Errorf("a sign vote not yet revealed is a miss: %+v", got)
	}
	r.Reveal("dues")
	if got := ms[0].Misses(); len(got) != 1 || got[0] != (room.Miss{Scenario: "dues", Sign: "2"}) {
		t.Errorf("misses %+v, want only the sign of dues", got)
	}
}

// A miss counts once its question is revealed, on any kind of item, for
// any choice.
func TestMissesOnceRevealed(t *testing.T) {
	r, ms := seated(t, stepAssem, "Ada")
	vote(t, ms[0], "assembly", "ngo")
	if got := ms[0].Misses(); len(got) != 0 {
		t.Errorf("a miss before the reveal: %+v", got)
	}
	r.Reveal("assembly")
	show(t, r, stepGrant)
	vote(t, ms[0], "grant", "ngo")
	r.Reveal("grant")
	ms[0].VoteSign("grant", "1") // grant is keyed with sign 2
	r.Reveal("grant")
	want := []room.Miss{{Scenario: "assembly", Category: "ngo"}, {Scenario: "grant", Sign: "1"}}
	if got := ms[0].Misses(); !slices.Equal(got, want) {
		t.Errorf("misses %+v, want %+v", got, want)
	}
}

// The built-in pack: its NGO-like items ask the warning sign, the others
// do not, and the record quotes the pack's own words.
func TestWithTheBuiltInPack(t *testing.T) {
	p, err := content.Load(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := newRoom(t, room.Config{Pack: p})
	m := join(t, r, "", "Ada")
	bank := p.Quiz
	for i, sc := range bank.Scenarios[:6] {
		show(t, r, room.Step{Index: i, Chapter: sc.Chapter, Scenario: sc.ID})
		vote(t, m, sc.ID, bank.Categories[1].ID)
		r.Reveal(sc.ID)
		v := m.View().Item
		if v.Sign.Asked != (sc.Answer == "ngo") || v.Sign.Open != v.Sign.Asked {
			t.Errorf("%s (%s): sign asked %v, open %v", sc.ID, sc.Answer, v.Sign.Asked, v.Sign.Open)
		}
		if v.Sign.Asked {
			if err := m.VoteSign(sc.ID, sc.Signs[len(sc.Signs)-1]); err != nil {
				t.Fatal(err)
			}
			r.Reveal(sc.ID)
			if !m.View().Item.Sign.MineRight {
				t.Errorf("%s: a keyed sign was not counted right", sc.ID)
			}
		}
	}
	r.Close()
	var b strings.Builder
	r.WriteRecord(&b)
	for _, want := range []string{p.Meta.Title, bank.Scenarios[0].ID, "Which of the warning signs does it show?",
		p.Chapters[bank.Scenarios[0].Chapter-1].Title} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the record lacks %q", want)
		}
	}
	if strings.Contains(b.String(), "Ada") {
		t.Error("the record names a member")
	}
}
