package content

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// MapSpanKind says what a piece of a drawn map is, so that a front end can
// style it: the frame, a stage's title, a node's label and so on.
type MapSpanKind int

// The kinds of span in a drawn map.
const (
	MapSpace      MapSpanKind = iota // padding
	MapBorder                        // the frame, the dividers and their arrows
	MapStageTitle                    // a stage's title
	MapNote                          // a stage's note
	MapCursor                        // two cells before each node, where a front end marks the selected one
	MapNumber                        // a sign's number
	MapLabel                         // a node's label
	MapChapter                       // the chapter a node opens ("ch 2")
)

// MapSpan is a piece of one line of a drawn map.
type MapSpan struct {
	Text string
	Kind MapSpanKind
	Item int // the node it belongs to (an index into MapLayout.Items), or -1
}

// MapPlace is a node as drawn: what it is, its stage, the line it starts on,
// its column and how many lines it takes.
type MapPlace struct {
	MapItem
	Stage, Line, Col, Height int
}

// MapLayout is a map drawn for a width with box characters: every line
// exactly Width cells, and where each node is, in reading order.
type MapLayout struct {
	Title string
	Width int
	Lines [][]MapSpan
	Items []MapPlace
}

// Layout constants. A map is never drawn narrower than MapMinWidth; a
// front end on a narrower screen cuts the lines.
const (
	MapMinWidth = 16
	mapGap      = 1 // cells between columns of nodes, besides the cursor's
	mapMaxCols  = 3 // columns of nodes in one stage
	mapCursor   = "  "
)

// Layout draws the map width cells wide. A stage's nodes sit side by side
// in up to three columns when they fit, numbered ones running down each
// column in turn; a narrower width gets one column, every label whole and
// wrapped, so a 40-column screen shows the argument top to bottom.
func (m *ArgMap) Layout(p *Pack, width int) *MapLayout {
	w := max(width, MapMinWidth)
	l := &MapLayout{Title: m.Title, Width: w}
	inner := w - 4 // "│ " and " │"
	items := m.Items(p)
	for i, st := range m.Stages {
		l.header(i, st.Title)
		l.stage(i, items[i], inner+1) // a node's cursor takes the place of "│ "'s space
		if st.Note != "" {
			for _, line := range wrap(st.Note, inner, "", "") {
				l.content([]MapSpan{{Text: line, Kind: MapNote, Item: -1}})
			}
		}
	}
	l.Lines = append(l.Lines, []MapSpan{border("╰" + strings.Repeat("─", w-2) + "╯")})
	return l
}

func border(s string) MapSpan { return MapSpan{Text: s, Kind: MapBorder, Item: -1} }

// header draws the line that opens a stage: the top of the frame for the
// first, a divider with an arrow for the others, the title on it when it
// fits and under it when it does not.
func (l *MapLayout) header(i int, title string) {
	w := l.Width
	left, right, arrow := "├─ ", "┤", "▼ "
	if i == 0 {
		left, right, arrow = "╭─ ", "╮", ""
	}
	if ansi.StringWidth(left+arrow+title)+3 <= w {
		fill := w - ansi.StringWidth(left+arrow+title) - 2
		l.Lines = append(l.Lines, []MapSpan{border(left + arrow),
			{Text: title, Kind: MapStageTitle, Item: -1}, border(" " + strings.Repeat("─", fill) + right)})
		return
	}
	l.Lines = append(l.Lines, []MapSpan{border(left + arrow + strings.Repeat("─", w-ansi.StringWidth(left+arrow)-1) + right)})
	for _, line := range wrap(title, w-4, "", "") {
		l.content([]MapSpan{{Text: line, Kind: MapStageTitle, Item: -1}})
	}
}

// content adds a line of text inside the frame, padded to its width.
func (l *MapLayout) content(spans []MapSpan) {
	l.row(append([]MapSpan{{Text: " ", Item: -1}}, spans...))
}

// row adds a line inside the frame that starts right after its left edge
// (a row of nodes, whose first cursor stands there).
func (l *MapLayout) row(spans []MapSpan) {
	used := 0
	for _, s := range spans {
		used += ansi.StringWidth(s.Text)
	}
	line := append([]MapSpan{border("│")}, spans...)
	line = append(line, MapSpan{Text: strings.Repeat(" ", max(0, l.Width-3-used)) + " ", Item: -1}, border("│"))
	l.Lines = append(l.Lines, line)
}

// cellShape is what every node of a stage shares, so that columns align.
type cellShape struct {
	numW, tagW int
}

func (c cellShape) number(n int) string {
	if c.numW == 0 {
		return ""
	}
	return fmt.Sprintf("%*d ", c.numW, n)
}

func tag(chapter int) string { return fmt.Sprintf("ch %d", chapter) }

// natural is a node's width with its label on one line.
func (c cellShape) natural(it MapItem) int {
	return len(mapCursor) + ansi.StringWidth(c.number(it.Number)) + ansi.StringWidth(it.Label) + 1 + c.tagW
}

// stage lays out one stage's nodes in columns.
func (l *MapLayout) stage(stage int, items []MapItem, inner int) {
	if len(items) == 0 {
		return
	}
	var sh cellShape
	for _, it := range items {
		if it.Number > 0 {
			sh.numW = max(sh.numW, len(fmt.Sprint(it.Number)))
		}
		sh.tagW = max(sh.tagW, ansi.StringWidth(tag(it.Chapter)))
	}
	rows, widths := columns(items, sh, inner)
	// Spread what is left over the columns, so chapters line up at their
	// right edges.
	total := mapGap * (len(widths) - 1)
	for _, cw := range widths {
		total += cw
	}
	for j := range widths {
		widths[j] += (inner - total) / len(widths)
	}
	widths[len(widths)-1] += (inner - total) % len(widths)
	// Items are kept in reading order (down each column in turn), whatever
	// order the rows are drawn in.
	base := len(l.Items)
	l.Items = append(l.Items, make([]MapPlace, len(items))...)
	for r := range rows {
		var cells [][][]MapSpan
		height := 0
		for j, cw := range widths {
			k := j*rows + r
			if k >= len(items) {
				break
			}
			idx := base + k
			cell := sh.cell(items[k], cw, idx)
			l.Items[idx] = MapPlace{MapItem: items[k], Stage: stage, Line: len(l.Lines),
				Col: j*mapGap + sum(widths[:j]), Height: len(cell)}
			cells = append(cells, cell)
			height = max(height, len(cell))
		}
		for line := range height {
			var spans []MapSpan
			for j, cell := range cells {
				if j > 0 {
					spans = append(spans, MapSpan{Text: strings.Repeat(" ", mapGap), Item: -1})
				}
				if line < len(cell) {
					spans = append(spans, cell[line]...)
				} else {
					spans = append(spans, MapSpan{Text: strings.Repeat(" ", widths[j]), Item: -1})
				}
			}
			l.row(spans)
		}
	}
}

// columns chooses how many columns a stage's nodes take: as many as fit,
// up to mapMaxCols. It returns the rows and each column's width.
func columns(items []MapItem, sh cellShape, inner int) (rows int, widths []int) {
	for k := min(len(items), mapMaxCols); k >= 1; k-- {
		rows = (len(items) + k - 1) / k
		cols := (len(items) + rows - 1) / rows
		widths = make([]int, cols)
		for i, it := range items {
			widths[i/rows] = max(widths[i/rows], sh.natural(it))
		}
		if sum(widths)+mapGap*(cols-1) <= inner {
			return rows, widths
		}
	}
	return len(items), []int{inner}
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

// cell draws one node width cells wide: the cursor cell, the number, the
// label (wrapped when it must be) and the chapter at the right edge of its
// first line, or on a line of its own when the column is too narrow.
func (c cellShape) cell(it MapItem, width, idx int) [][]MapSpan {
	num := c.number(it.Number)
	lead := len(mapCursor) + ansi.StringWidth(num)
	room := width - lead - 1 - c.tagW
	tagLine := false
	if room < 8 { // too narrow to share a line with the chapter
		room, tagLine = max(1, width-lead), true
	}
	labels := wrap(it.Label, room, "", "")
	var out [][]MapSpan
	for i, text := range labels {
		line := []MapSpan{{Text: mapCursor, Kind: MapCursor, Item: idx}}
		if i > 0 {
			line[0].Kind = MapSpace
		}
		if i == 0 && num != "" {
			line = append(line, MapSpan{Text: num, Kind: MapNumber, Item: idx})
		} else if num != "" {
			line = append(line, MapSpan{Text: strings.Repeat(" ", len(num)), Item: idx})
		}
		line = append(line, MapSpan{Text: text, Kind: MapLabel, Item: idx})
		pad := width - lead - ansi.StringWidth(text)
		if i == 0 && !tagLine {
			t := tag(it.Chapter)
			line = append(line, MapSpan{Text: strings.Repeat(" ", max(1, pad-ansi.StringWidth(t))), Item: idx},
				MapSpan{Text: t, Kind: MapChapter, Item: idx})
		} else if pad > 0 {
			line = append(line, MapSpan{Text: strings.Repeat(" ", pad), Item: idx})
		}
		out = append(out, line)
	}
	if tagLine {
		t := tag(it.Chapter)
		out = append(out, []MapSpan{{Text: strings.Repeat(" ", max(0, width-ansi.StringWidth(t))), Item: idx},
			{Text: t, Kind: MapChapter, Item: idx}})
	}
	return out
}

// String is the map as plain text, one line per row.
func (l *MapLayout) String() string {
	var b strings.Builder
	for i, line := range l.Lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		for _, s := range line {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// MapMove is a way to move the selection on a map.
type MapMove int

// The moves: in reading order, or to the nearest node in a direction.
const (
	MapNext MapMove = iota
	MapPrev
	MapUp
	MapDown
	MapLeft
	MapRight
)

// Move is the node reached from node from: MapNext and MapPrev go in
// reading order and wrap round; the others go to the nearest node that way
// on the screen, and stay put when there is none.
func (l *MapLayout) Move(from int, dir MapMove) int {
	n := len(l.Items)
	if n == 0 {
		return 0
	}
	from = max(0, min(from, n-1))
	switch dir {
	case MapNext:
		return (from + 1) % n
	case MapPrev:
		return (from - 1 + n) % n
	}
	cur := l.Items[from]
	best, bestKey := from, [2]int{}
	for i, it := range l.Items {
		var ok bool
		var key [2]int // smaller is nearer: lines away, then columns away
		switch dir {
		case MapDown:
			ok, key = it.Line > cur.Line, [2]int{it.Line - cur.Line, abs(it.Col - cur.Col)}
		case MapUp:
			ok, key = it.Line < cur.Line, [2]int{cur.Line - it.Line, abs(it.Col - cur.Col)}
		case MapRight:
			ok, key = it.Line == cur.Line && it.Col > cur.Col, [2]int{0, it.Col - cur.Col}
		case MapLeft:
			ok, key = it.Line == cur.Line && it.Col < cur.Col, [2]int{0, cur.Col - it.Col}
		}
		if ok && (best == from || key[0] < bestKey[0] || key[0] == bestKey[0] && key[1] < bestKey[1]) {
			best, bestKey = i, key
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// ErrNoMap is what a pack without an argument map says when asked for one.
var ErrNoMap = errors.New(`this pack has no argument map: its guide has no "map" section (see docs/packs.md)`)

// WriteMap prints the pack's argument map as plain text, its title first,
// width columns wide (80 when width is 0 or less, never under MapMinWidth).
func WriteMap(w io.Writer, p *Pack, width int) error {
	m := p.ArgMap()
	if m == nil {
		return ErrNoMap
	}
	if width <= 0 {
		width = 80
	}
	l := m.Layout(p, width)
	var b strings.Builder
	for _, line := range wrap(l.Title, l.Width, "", "") {
		b.WriteString(line + "\n")
	}
	b.WriteString("\n" + l.String() + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}
