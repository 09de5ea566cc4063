package room

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
)

// RecordThreshold is the fewest members' votes a tally needs to be
// written in the record: with fewer, the counts could show how one person
// voted.
const RecordThreshold = 3

// WriteRecord writes the meeting record as markdown: the date, the pack,
// the chapters covered with the steps shown and the time spent in each,
// every quiz item's revealed tally (category and sign) beside the essay's
// answer, and the discussion questions shown. It names nobody and says
// nothing about anyone's vote: a vote never revealed in the meeting is not
// written at all, and a tally of fewer than RecordThreshold members' votes
// gives only the hands (counted in the open). Written before Close, it
// covers the meeting so far.
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
	fmt.Fprintf(b, "- Members who joined: %d\n", r.made)
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
		writeTally(b, it, false, it.phase >= Revealed)
		if it.asksSign {
			writeTally(b, it, true, it.phase == SignRevealed)
		}
	}
}

// writeTally writes one question's tally: nothing of a vote the meeting
// never revealed, and only the hands (raised in the open) when too few
// members voted for their counts to keep anyone's vote to themselves. The
// sign tally lists the keyed signs and those somebody chose.
func writeTally(b *bufio.Writer, it *item, sign bool, revealed bool) {
	question, bal := it.bank.Question(), &it.cat
	if sign {
		question, bal = it.bank.SignQuestion(), &it.sign
	}
	if !revealed {
		fmt.Fprintf(b, "\n*%s* Not revealed in the meeting: no tally kept.\n", oneLine(question))
		return
	}
	few := bal.votes() > 0 && bal.votes() < RecordThreshold
	if few {
		fmt.Fprintf(b, "\n*%s* Fewer than %d members voted: only the hands are written.\n", oneLine(question), RecordThreshold)
		fmt.Fprintf(b, "\n| %s | Hands |\n|---|---:|\n", cell(question))
	} else {
		fmt.Fprintf(b, "\n| %s | Members | Hands | Total |\n|---|---:|---:|---:|\n", cell(question))
	}
	for _, c := range it.tally(bal, sign) {
		shown := c.Total()
		if few {
			shown = c.Hands
		}
		if sign && !c.Right && shown == 0 {
			continue
		}
		label := c.Label
		if c.Right {
			label += " ✓"
		}
		if few {
			fmt.Fprintf(b, "| %s | %d |\n", cell(label), c.Hands)
		} else {
			fmt.Fprintf(b, "| %s | %d | %d | %d |\n", cell(label), c.Members, c.Hands, c.Total())
		}
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
