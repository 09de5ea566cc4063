package room

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
)

// WriteRecord writes the meeting record as markdown: the date, the pack,
// the chapters covered with the steps shown and the time spent in each,
// every quiz item's tally (category and sign) beside the essay's answer,
// and the discussion questions shown. It names nobody and says nothing
// about anyone's vote. Written before Close, it covers the meeting so far.
func (r *Room) WriteRecord(w io.Writer) error {
	r.mu.RLock()
	defer r.mu.RUnlock()
	end := r.ended
	if !r.closed {
		end = r.now()
	}
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# Meeting record: %s\n\n", oneLine(r.pack.Meta.Title))
	fmt.Fprintf(b, "- Date: %s, %s to %s (%s)\n", r.started.Format("Monday 2 January 2006"),
		r.started.Format("15:04"), end.Format("15:04"), minutes(end.Sub(r.started)))
	fmt.Fprintf(b, "- Members who joined: %d\n", len(r.seats))
	r.writeChapters(b, end)
	r.writeItems(b)
	r.writeQuestions(b)
	return b.Flush()
}

func (r *Room) writeChapters(b *bufio.Writer, end time.Time) {
	if len(r.chapters) == 0 {
		return
	}
	fmt.Fprintf(b, "\n## Chapters covered\n\n| Chapter | Steps shown | Time |\n|---|---:|---:|\n")
	for _, c := range r.chapters {
		spent := c.spent
		if c == r.chapter && !r.closed {
			spent += end.Sub(r.since)
		}
		fmt.Fprintf(b, "| %s | %d | %s |\n", cell(r.chapterName(c.number)), len(c.steps), minutes(spent))
	}
}

func (r *Room) chapterName(n int) string {
	for _, c := range r.pack.Chapters {
		if c.Number == n {
			return fmt.Sprintf("%d. %s", n, c.Title)
		}
	}
	return fmt.Sprintf("chapter %d", n)
}

func (r *Room) writeItems(b *bufio.Writer) {
	if len(r.order) == 0 {
		return
	}
	fmt.Fprintf(b, "\n## Quiz items\n")
	for i, it := range r.order {
		sc := it.sc
		fmt.Fprintf(b, "\n### %d. %s (%s)\n\n> %s\n\n", i+1, sc.ID, r.chapterName(sc.Chapter), oneLine(sc.Text))
		answer, _ := it.bank.Category(sc.Answer)
		fmt.Fprintf(b, "The essay's answer: %s", oneLine(answer.Label))
		if it.asksSign {
			var keyed []string
			for _, s := range it.bank.SignsOf(sc) {
				keyed = append(keyed, s.ID+". "+oneLine(s.Label))
			}
			fmt.Fprintf(b, "; %s: %s", it.bank.SignsName(), strings.Join(keyed, "; "))
		}
		fmt.Fprintln(b, ".")
		writeTally(b, it.bank.Question(), fullTally(it, false), it.phase >= Revealed)
		if it.asksSign {
			writeTally(b, it.bank.SignQuestion(), fullTally(it, true), it.phase == SignRevealed)
		}
	}
}

// fullTally is a question's tally for the record, revealed or not; the
// sign tally keeps only the keyed signs and those somebody chose.
func fullTally(it *item, sign bool) []Count {
	if !sign {
		return it.tally(&it.cat, false)
	}
	var out []Count
	for _, c := range it.tally(&it.sign, true) {
		if c.Right || c.Total() > 0 {
			out = append(out, c)
		}
	}
	return out
}

func writeTally(b *bufio.Writer, question string, tally []Count, revealed bool) {
	if !revealed {
		question += " (not revealed in the meeting)"
	}
	fmt.Fprintf(b, "\n| %s | Members | Hands | Total |\n|---|---:|---:|---:|\n", cell(question))
	for _, c := range tally {
		label := c.Label
		if c.Right {
			label += " ✓"
		}
		fmt.Fprintf(b, "| %s | %d | %d | %d |\n", cell(label), c.Members, c.Hands, c.Total())
	}
}

func (r *Room) writeQuestions(b *bufio.Writer) {
	if len(r.questions) == 0 {
		return
	}
	fmt.Fprintf(b, "\n## Discussion questions shown\n\n")
	for i, q := range r.questions {
		fmt.Fprintf(b, "%d. %s (chapter %d)\n", i+1, oneLine(q.text), q.chapter)
	}
}

// oneLine puts a text from the pack on one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// cell makes a text safe inside a markdown table cell.
func cell(s string) string { return strings.ReplaceAll(oneLine(s), "|", `\|`) }

// minutes says a duration the way a record does: "1 h 5 min", "12 min".
func minutes(d time.Duration) string {
	m := int(d.Round(time.Minute) / time.Minute)
	switch {
	case d < 30*time.Second:
		return "under a minute"
	case m < 60:
		return fmt.Sprintf("%d min", m)
	}
	return fmt.Sprintf("%d h %d min", m/60, m%60)
}
