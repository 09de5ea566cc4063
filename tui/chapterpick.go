package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// chapterAction asks the presenter to go to a chapter's title card.
type chapterAction struct{ chapter int }

// chapterPicker is the presenter's list of chapters: arrows and Enter, or
// the chapter's number.
type chapterPicker struct {
	c    *common
	sel  int
	s    scroller
	w, h int
}

func newChapterPicker(c *common, current int) *chapterPicker {
	o := &chapterPicker{c: c, sel: current - 1}
	o.layout(c.width, c.height)
	return o
}

func (o *chapterPicker) layout(w, h int) {
	o.w, o.h = boxSize(w, h, o.c.popupWidth())
	o.s.height = max(1, o.h-4)
	o.build()
}

func (o *chapterPicker) build() {
	st := o.c.styles
	var lines []string
	for i, ch := range o.c.pack.Chapters {
		l := truncate(fmt.Sprintf("%d  %s", ch.Number, ch.Title), max(1, contentWidth(o.w)-2))
		if i == o.sel {
			lines = append(lines, st.ItemSelected.Render("▸ "+l))
		} else {
			lines = append(lines, st.Item.Render("  "+l))
		}
	}
	o.s.lines = lines
	o.s.show(o.sel)
}

func (o *chapterPicker) update(msg tea.Msg) (tea.Cmd, action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	n := len(o.c.pack.Chapters)
	switch {
	case key.Matches(kp, o.c.keys.Popup.Close):
		return nil, closeAction{}
	case key.Matches(kp, o.c.keys.Reader.Up):
		o.sel = (o.sel + n - 1) % n
	case key.Matches(kp, o.c.keys.Reader.Down), kp.String() == "tab":
		o.sel = (o.sel + 1) % n
	case key.Matches(kp, o.c.keys.Popup.Follow):
		return nil, chapterAction{chapter: o.sel + 1}
	case isDigit(kp):
		if d := int(kp.String()[0] - '0'); d >= 1 && d <= n {
			return nil, chapterAction{chapter: d}
		}
	}
	o.build()
	return nil, nil
}

func (o *chapterPicker) view() string {
	st := o.c.styles
	return box(st, st.PopupTitle.Render("Go to a chapter"), "enter · esc", o.s.visible(), o.w, o.h)
}
