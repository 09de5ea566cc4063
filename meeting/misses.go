package meeting

import (
	"fmt"
	"strings"

	"studyguide/content"
	"studyguide/room"
)

// Missed is a quiz item where a member's vote differed from the essay's
// answer, as their goodbye (and s on their screen) lists it.
type Missed struct {
	ID       string   // the item's id, to find in the quiz later
	Scenario string   // its text, on one line
	Said     []string // "You said NGO-like; the essay: Mass-organization-like.", one per question missed
	Passage  string   // "¶12 (2. Ten warning signs): “…”", "" without one
}

// Misses are a member's misses as they read them.
func Misses(pack *content.Pack, misses []room.Miss) []Missed {
	bank := pack.Quiz
	if bank == nil {
		return nil
	}
	var out []Missed
	for _, ms := range misses {
		sc, ok := bank.Scenario(ms.Scenario)
		if !ok {
			continue
		}
		m := Missed{ID: ms.Scenario, Scenario: Flatten(sc.Text)}
		if ms.Category != "" {
			said, _ := bank.Category(ms.Category)
			answer, _ := bank.Category(sc.Answer)
			m.Said = append(m.Said, fmt.Sprintf("You said %s; the essay: %s.", said.Label, answer.Label))
		}
		if ms.Sign != "" {
			said, _ := bank.Sign(ms.Sign)
			var keyed []string
			for _, sg := range bank.SignsOf(sc) {
				keyed = append(keyed, sg.Label)
			}
			m.Said = append(m.Said, fmt.Sprintf("You said %s; the essay: %s.", said.Label, strings.Join(keyed, "; ")))
		}
		if p := sc.Paragraph; p != nil {
			m.Passage = fmt.Sprintf("¶%d (%d. %s): “%s”", p.Index+1, p.Chapter.Number, p.Chapter.Title, Flatten(sc.Passage))
		}
		out = append(out, m)
	}
	return out
}

// MissesIntro says what the list of misses is.
func MissesIntro(n int) string {
	if n == 0 {
		return "No differences from the essay's answers so far."
	}
	items := "items"
	if n == 1 {
		items = "item"
	}
	return fmt.Sprintf("%d %s where your vote differed from the essay's answer. The ids are for noting down: the quiz on your own machine has the same items.", n, items)
}
