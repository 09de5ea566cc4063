package progress

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"studyguide/content"
)

// Export writes a reader's notes as a markdown document to share with a
// reading group: per chapter, the notes, in chapter order; then, once the
// reader has done the quiz, its sessions, accuracy per sign and the missed
// scenarios with their explanations.
func Export(w io.Writer, st *State, pack *content.Pack, profile string, now time.Time) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Notes on “%s”\n\n", pack.Meta.Title)
	who := ""
	if profile != "" && profile != "default" {
		who = " for " + profile
	}
	fmt.Fprintf(&b, "Exported from studyguide%s on %s.\n\n", who, now.Format("2 January 2006"))
	wrote := 0
	for _, ch := range pack.Chapters {
		text := strings.TrimSpace(st.Note(fmt.Sprint(ch.Number)))
		read := 0
		for _, s := range ch.Sections {
			if st.IsRead(s.ID) {
				read++
			}
		}
		if text == "" {
			continue
		}
		wrote++
		fmt.Fprintf(&b, "## %d. %s\n\n", ch.Number, ch.Title)
		fmt.Fprintf(&b, "*%d of %d sections read.*\n\n", read, len(ch.Sections))
		b.WriteString(text + "\n\n")
	}
	if gone := orphanNotes(st, pack); len(gone) > 0 {
		wrote += len(gone)
		b.WriteString("## Chapters no longer in this pack\n\n")
		b.WriteString("*Notes kept from chapters this version of the pack no longer has.*\n\n")
		for _, k := range gone {
			fmt.Fprintf(&b, "### Chapter %s\n\n%s\n\n", content.StripUnsafe(k), strings.TrimSpace(st.Notes[k].Text))
		}
	}
	if wrote == 0 {
		b.WriteString("No notes yet. In the reader, press `e` to write notes on a chapter.\n\n")
	}
	exportQuiz(&b, st, pack.Quiz, now.Location())
	_, err := io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
}

// exportQuiz writes the quiz section, or nothing when no session has been
// recorded. bank may be nil (a pack without a quiz any more): then signs and
// scenarios are named by their IDs.
func exportQuiz(b *strings.Builder, st *State, bank *content.QuizBank, loc *time.Location) {
	if len(st.Quiz.History) == 0 {
		return
	}
	b.WriteString("## Quiz\n\n### Sessions\n\n")
	for _, r := range st.Quiz.History {
		fmt.Fprintf(b, "- %s · %s · %s", r.At.In(loc).Format("2 January 2006, 15:04"), modeName(r), score(r.Correct, r.Answered))
		if r.Stopped() {
			fmt.Fprintf(b, ", stopped after %d of %d", r.Answered, r.Total)
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	exportSigns(b, st.Quiz.History, bank)
	exportMissed(b, st, bank)
}

func modeName(r SessionRecord) string {
	switch r.Mode {
	case "all":
		return "all scenarios"
	case "chapter":
		return fmt.Sprintf("chapter %d", r.Chapter)
	}
	return r.Mode
}

// score is "3 of 4 right (75%)".
func score(right, asked int) string {
	if asked == 0 {
		return "nothing answered"
	}
	return fmt.Sprintf("%d of %d right (%d%%)", right, asked, Percent(right, asked))
}

// Percent is right out of of as a whole percent, rounded half up as people
// expect (2 of 3 is 67%); 0 when of is 0.
func Percent(right, of int) int {
	if of <= 0 {
		return 0
	}
	return (200*right + of) / (2 * of)
}

// exportSigns writes how the follow-up question went for each sign, added
// up over every session, in the pack's order of signs.
func exportSigns(b *strings.Builder, history []SessionRecord, bank *content.QuizBank) {
	total := map[string]Tally{}
	for _, r := range history {
		for id, t := range r.Signs {
			total[id] = Tally{Asked: total[id].Asked + t.Asked, Right: total[id].Right + t.Right}
		}
	}
	var ids []string
	if bank != nil {
		for _, sg := range bank.Signs {
			if total[sg.ID].Asked > 0 {
				ids = append(ids, sg.ID)
			}
		}
	}
	var gone []string
	for id, t := range total {
		if _, ok := bankSign(bank, id); !ok && t.Asked > 0 {
			gone = append(gone, id)
		}
	}
	slices.Sort(gone)
	ids = append(ids, gone...)
	if len(ids) == 0 {
		return
	}
	b.WriteString("### Accuracy per sign\n\n")
	for _, id := range ids {
		name := "sign " + id
		if sg, ok := bankSign(bank, id); ok {
			name = fmt.Sprintf("%s (sign %s)", sg.Label, id)
		}
		fmt.Fprintf(b, "- %s: %s\n", name, score(total[id].Right, total[id].Asked))
	}
	b.WriteString("\n")
}

func bankSign(bank *content.QuizBank, id string) (content.Sign, bool) {
	if bank == nil {
		return content.Sign{}, false
	}
	return bank.Sign(id)
}

// exportMissed writes every scenario missed in a recorded session, most
// often missed first, with what it said and why the answer is what it is.
func exportMissed(b *strings.Builder, st *State, bank *content.QuizBank) {
	count := map[string]int{}
	var ids []string
	for _, r := range st.Quiz.History {
		for _, id := range r.Missed {
			if count[id] == 0 {
				ids = append(ids, id)
			}
			count[id]++
		}
	}
	if len(ids) == 0 {
		return
	}
	slices.SortStableFunc(ids, func(a, c string) int { return count[c] - count[a] })
	b.WriteString("### Missed scenarios\n\n")
	for _, id := range ids {
		fmt.Fprintf(b, "#### %s\n\n", id)
		var facts []string
		switch count[id] {
		case 1:
			facts = append(facts, "missed once")
		default:
			facts = append(facts, fmt.Sprintf("missed %d times", count[id]))
		}
		if c, ok := st.Quiz.Cards[id]; ok && c.Seen > 0 && !c.LastMissed {
			facts = append(facts, "answered right since")
		}
		var s *content.Scenario
		if bank != nil {
			s, _ = bank.Scenario(id)
		}
		if s == nil {
			fmt.Fprintf(b, "*%s; no longer in this pack.*\n\n", strings.Join(facts, ", "))
			continue
		}
		answer := s.Answer
		if c, ok := bank.Category(s.Answer); ok {
			answer = c.Label
		}
		fmt.Fprintf(b, "*%s · answer: %s · %s*\n\n", s.Setting, answer, strings.Join(facts, ", "))
		fmt.Fprintf(b, "%s\n\n**Why:** %s\n\n", s.Text, s.Explanation)
		if s.Paragraph != nil {
			fmt.Fprintf(b, "From chapter %d, “%s”:\n\n", s.Chapter, s.Paragraph.Chapter.Title)
		}
		fmt.Fprintf(b, "> %s\n\n", s.Passage)
	}
}
