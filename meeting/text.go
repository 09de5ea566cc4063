package meeting

import (
	"fmt"
	"strings"

	"studyguide/content"
)

// BlockKind is how a block of a step's text is set.
type BlockKind int

// The kinds of block.
const (
	Body     BlockKind = iota // running text
	Heading                   // a heading of the essay's, or a chapter's title
	ListItem                  // an item of a numbered or bulleted list (Prefix says which)
	SubItem                   // a point under a list item
	Quote                     // a quotation: the essay quoting someone, or a passage quoted from the essay
	Strong                    // a discussion question
	Note                      // where the text is ("2. Ten warning signs · ¶12"), how long a chapter is
)

// Block is one paragraph of a step's text, on one line with single spaces,
// with the glossary terms marked in it.
type Block struct {
	Kind   BlockKind
	Prefix string // "3. ", "• ", "– " for list items
	Text   string
	// Terms are the glossary terms in Text, as rune ranges: each term's
	// first use on the step (a term is marked once a step).
	Terms []Span
}

// Span is a glossary term's place in a block's text, in runes.
type Span struct {
	Term       *content.Term
	Start, End int
}

// Text is what a step says, as every screen shows it: a heading ("Key idea
// 2 of 5 · chapter 2"), then its blocks. A quiz step's scenario and
// question are in Blocks too; its votes are in Seen.Vote.
type Text struct {
	Heading string
	Blocks  []Block
}

// Flatten puts a text on one line with single spaces.
func Flatten(s string) string { return strings.Join(strings.Fields(s), " ") }

// Text is what step i says, with the glossary's terms marked: worked out
// once a step (marking terms is the costly part) and shared, read-only, by
// every screen.
func (d *Deck) Text(pack *content.Pack, i int) Text {
	d.textMu.Lock()
	defer d.textMu.Unlock()
	if d.texts == nil {
		d.texts = make([]*Text, len(d.steps))
	}
	if d.texts[i] == nil {
		t := d.text(pack, i)
		d.texts[i] = &t
	}
	return *d.texts[i]
}

func (d *Deck) text(pack *content.Pack, i int) Text {
	s := d.steps[i]
	var t Text
	ch := s.Chapter
	switch s.Kind {
	case Title:
		t.Heading = fmt.Sprintf("Chapter %d of %d", ch.Number, len(pack.Chapters))
		t.Blocks = []Block{{Kind: Heading, Text: Flatten(ch.Title)},
			{Kind: Note, Text: fmt.Sprintf("%d min of reading · %d words", ch.ReadingMinutes(pack.Meta.ReadingWPM), ch.Words())},
			{Kind: Note, Text: d.Outline(ch.Number)}}
	case Idea:
		t.Heading = fmt.Sprintf("Key idea %d of %d · chapter %d", s.Number, s.Of, ch.Number)
		t.Blocks = []Block{{Kind: Body, Text: Flatten(s.Idea)}}
	case Passage:
		for _, p := range s.Paras {
			t.Blocks = append(t.Blocks, paragraphBlock(p))
		}
		first := s.Paras[0]
		ref := fmt.Sprintf("¶%d", first.Index+1)
		if n := len(s.Paras); n > 1 {
			ref = fmt.Sprintf("¶%d–%d", first.Index+1, s.Paras[n-1].Index+1)
		}
		t.Blocks = append(t.Blocks, Block{Kind: Note, Text: fmt.Sprintf("%d. %s · %s", ch.Number, ch.Title, ref)})
	case Question:
		t.Heading = fmt.Sprintf("Discussion · question %d of %d", s.Number, s.Of)
		t.Blocks = []Block{{Kind: Strong, Text: Flatten(s.Question.Text)}}
		if p := s.Question.Paragraph; p != nil {
			t.Blocks = append(t.Blocks, Block{Kind: Note, Text: fmt.Sprintf("From ¶%d:", p.Index+1)},
				Block{Kind: Quote, Text: "“" + Flatten(s.Question.Quote) + "”"})
		}
	case Quiz:
		t.Heading = fmt.Sprintf("Quiz · scenario %d of %d", s.Number, s.Of)
		t.Blocks = []Block{{Kind: Body, Text: Flatten(s.Scenario.Text)}}
		return t // a scenario's words are the room's to weigh: no term is marked
	case Summary:
		t.Heading = fmt.Sprintf("The room on chapter %d", ch.Number)
	}
	markTerms(t.Blocks, pack.Glossary)
	return t
}

// Explanation is a quiz item's explanation and the essay's passage, with
// where it is, for after the reveal.
func Explanation(sc *content.Scenario) []Block {
	out := []Block{{Kind: Body, Text: Flatten(sc.Explanation)}}
	if p := sc.Paragraph; p != nil {
		out = append(out, Block{Kind: Quote, Text: "“" + Flatten(sc.Passage) + "”"},
			Block{Kind: Note, Text: fmt.Sprintf("%d. %s · ¶%d", p.Chapter.Number, p.Chapter.Title, p.Index+1)})
	}
	return out
}

// paragraphBlock is a paragraph of the essay as a block.
func paragraphBlock(p *content.Paragraph) Block {
	b := Block{Kind: Body, Text: Flatten(p.Text)}
	switch p.Kind {
	case content.Title, content.Heading:
		b.Kind = Heading
	case content.ListItem:
		b.Kind, b.Prefix = ListItem, "• "
		if p.Number > 0 {
			b.Prefix = fmt.Sprintf("%d. ", p.Number)
		}
	case content.SubItem:
		b.Kind, b.Prefix = SubItem, "– "
	case content.Quote:
		b.Kind = Quote
	}
	return b
}

// markTerms marks in the blocks each glossary term's first use; notes are
// not searched.
func markTerms(blocks []Block, g *content.Glossary) {
	if g == nil {
		return
	}
	seen := map[*content.Term]bool{}
	for i := range blocks {
		b := &blocks[i]
		if b.Kind == Note {
			continue
		}
		folded := content.FoldText(b.Text)
		if len(folded) != len([]rune(b.Text)) { // folding changed the length: do not guess
			continue
		}
		for _, m := range g.Match(folded, nil) {
			if !seen[m.Term] {
				seen[m.Term] = true
				b.Terms = append(b.Terms, Span{Term: m.Term, Start: m.Start, End: m.End})
			}
		}
	}
}

// Outline says what a chapter's steps hold: "4 key ideas · 9 passages ·
// 4 questions · 4 scenarios for the room".
func (d *Deck) Outline(chapter int) string {
	counts := map[Kind]int{}
	for _, s := range d.steps {
		if s.Chapter.Number == chapter {
			counts[s.Kind]++
		}
	}
	var parts []string
	for _, k := range []struct {
		kind      Kind
		one, many string
	}{{Idea, "key idea", "key ideas"}, {Passage, "passage", "passages"}, {Question, "question", "questions"},
		{Quiz, "scenario for the room", "scenarios for the room"}} {
		if n := counts[k.kind]; n == 1 {
			parts = append(parts, "1 "+k.one)
		} else if n > 1 {
			parts = append(parts, fmt.Sprintf("%d %s", n, k.many))
		}
	}
	return strings.Join(parts, " · ")
}
