package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
)

// mapWidth is the widest the argument map is drawn: one screen at 80
// columns, centred on wider ones.
const mapWidth = 80

// openChapterAction closes every overlay and opens the reader at a chapter
// (1-based), at a paragraph when one is given.
type openChapterAction struct {
	chapter   int
	paragraph string
}

// mapOverlay is the argument at a glance, over the whole screen: the pack's
// map drawn for the width (content lays it out; this only styles it), one
// node selected. Enter opens the reader at the node's chapter; ? shows its
// keys over the map.
type mapOverlay struct {
	c      *common
	keys   MapKeys
	lay    *content.MapLayout
	sel    int
	offset int // the first line of the map on screen
	w, h   int
	help   *helpOverlay // open over the map, or nil
}

func newMapOverlay(c *common) *mapOverlay {
	o := &mapOverlay{c: c, keys: c.keys.Map}
	o.layout(c.width, c.height)
	return o
}

// fullScreen says the map covers the screen: nothing under it is drawn.
func (o *mapOverlay) fullScreen() {}

func (o *mapOverlay) layout(w, h int) {
	o.w, o.h = w, h
	o.lay = o.c.pack.ArgMap().Layout(o.c.pack, min(w, mapWidth))
	o.sel = max(0, min(o.sel, len(o.lay.Items)-1))
	o.follow()
	if o.help != nil {
		o.help.layout(w, h)
	}
}

// bodyHeight is how many lines of the map fit between the title and help
// lines.
func (o *mapOverlay) bodyHeight() int { return max(1, o.h-2) }

// follow scrolls just enough to show the selected node, with the line
// above it (its stage's title, or the row before); the first node shows
// the top of the map and the last its bottom.
func (o *mapOverlay) follow() {
	lines := len(o.lay.Lines)
	if len(o.lay.Items) == 0 {
		o.offset = 0
		return
	}
	it := o.lay.Items[o.sel]
	top, bottom := max(0, it.Line-1), it.Line+it.Height-1
	if o.sel == 0 {
		top = 0
	}
	if o.sel == len(o.lay.Items)-1 {
		bottom = lines - 1
	}
	bh := o.bodyHeight()
	if bottom >= o.offset+bh {
		o.offset = bottom - bh + 1
	}
	if top < o.offset {
		o.offset = top
	}
	o.offset = max(0, min(o.offset, lines-bh))
}

func (o *mapOverlay) update(msg tea.Msg) (tea.Cmd, action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	if o.help != nil {
		if _, act := o.help.update(kp); act != nil {
			o.help = nil
		}
		return nil, nil
	}
	k := o.keys
	moves := []struct {
		b   key.Binding
		dir content.MapMove
	}{{k.Next, content.MapNext}, {k.Prev, content.MapPrev}, {k.Up, content.MapUp},
		{k.Down, content.MapDown}, {k.Left, content.MapLeft}, {k.Right, content.MapRight}}
	for _, mv := range moves {
		if key.Matches(kp, mv.b) {
			o.sel = o.lay.Move(o.sel, mv.dir)
			o.follow()
			return nil, nil
		}
	}
	switch {
	case key.Matches(kp, k.Close):
		return nil, closeAction{}
	case key.Matches(kp, k.Help):
		o.help = newHelpOverlay(o.c, o.FullHelp())
	case key.Matches(kp, k.Open) && len(o.lay.Items) > 0:
		it := o.lay.Items[o.sel]
		return nil, openChapterAction{chapter: it.Chapter, paragraph: it.Paragraph}
	}
	return nil, nil
}

// ShortHelp and FullHelp are the map's keys, for the help line and ?.
func (o *mapOverlay) ShortHelp() []key.Binding {
	return []key.Binding{o.keys.Next, o.keys.Open, o.keys.Close, o.keys.Help}
}

func (o *mapOverlay) FullHelp() [][]key.Binding {
	k := o.keys
	return [][]key.Binding{{k.Up, k.Down, k.Left, k.Right}, {k.Next, k.Prev}, {k.Open, k.Close, k.Help}}
}

// view is the whole screen: a title line that says where enter goes, the
// map centred, and the help line.
func (o *mapOverlay) view() string {
	w, h := o.w, o.h
	if w <= 0 || h <= 0 {
		return ""
	}
	st := o.c.styles
	where := ""
	if len(o.lay.Items) > 0 {
		it := o.lay.Items[o.sel]
		ch := o.c.pack.Chapters[it.Chapter-1]
		where = fmt.Sprintf("enter: %d %s ", ch.Number, ch.Title)
	}
	lines := []string{st.TitleBar.Render(spreadOptional(" "+o.lay.Title, where, w))}
	bh := min(o.bodyHeight(), h-1)
	body := o.lay.Lines[o.offset:min(len(o.lay.Lines), o.offset+bh)]
	pad := max(0, (bh-len(body))/2)
	margin := strings.Repeat(" ", max(0, (w-o.lay.Width)/2))
	blank := strings.Repeat(" ", w)
	for range pad {
		lines = append(lines, blank)
	}
	for _, spans := range body {
		line := margin + o.render(spans)
		if lipgloss.Width(line) > w {
			line = ansi.Truncate(line, w, "")
		}
		lines = append(lines, line+strings.Repeat(" ", max(0, w-lipgloss.Width(line))))
	}
	for len(lines) < h-1 {
		lines = append(lines, blank)
	}
	if h > 1 {
		help := o.c.help(w).ShortHelpView(o.ShortHelp())
		if p := o.position(bh); p != "" {
			help = spreadOptional(help, st.Dim.Render(p), w)
		}
		lines = append(lines, help)
	}
	frame := strings.Join(lines[:min(len(lines), h)], "\n")
	if o.help != nil {
		frame = overlayCentred(frame, o.help.view(), w, h)
	}
	return frame
}

// overlayCentred draws a popup centred over a frame, inside the screen.
func overlayCentred(base, popup string, w, h int) string {
	popup = fit(popup, w, h)
	x := max(0, (w-lipgloss.Width(popup))/2)
	y := max(0, (h-lipgloss.Height(popup))/2)
	return lipgloss.NewCompositor(lipgloss.NewLayer(base), lipgloss.NewLayer(popup).X(x).Y(y).Z(1)).Render()
}

// position says which lines are shown when the map does not fit.
func (o *mapOverlay) position(bh int) string {
	if len(o.lay.Lines) <= bh {
		return ""
	}
	return fmt.Sprintf("%d–%d of %d", o.offset+1, min(len(o.lay.Lines), o.offset+bh), len(o.lay.Lines))
}

// render styles one line of the map; the selected node is marked with ▸
// as well as its style (reverse video without colour).
func (o *mapOverlay) render(spans []content.MapSpan) string {
	st := o.c.styles
	var b strings.Builder
	for _, s := range spans {
		selected := s.Item >= 0 && s.Item == o.sel
		style := lipgloss.NewStyle()
		text := s.Text
		switch s.Kind {
		case content.MapBorder:
			style = st.Accent
		case content.MapStageTitle:
			style = st.Heading
		case content.MapNote, content.MapChapter:
			style = st.Dim
		case content.MapCursor:
			if selected {
				text, style = "▸ ", st.ItemSelected
			}
		case content.MapNumber:
			style = st.ItemNumber
		case content.MapLabel:
			style = st.Item
		}
		if selected && (s.Kind == content.MapLabel || s.Kind == content.MapNumber) {
			style = st.ItemSelected
		}
		b.WriteString(style.Render(text))
	}
	return b.String()
}
