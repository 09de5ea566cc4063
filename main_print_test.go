package main

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
)

// `studyguide print` and `studyguide print N` hold every chapter's last
// paragraph, whole, in order.
func TestPrintCommandHoldsEveryChaptersLastParagraph(t *testing.T) {
	pack, err := loadPack()
	if err != nil {
		t.Fatal(err)
	}
	all, err := run(t, "print", "--width", "60")
	if err != nil {
		t.Fatal(err)
	}
	whole, at := squashed(all), 0
	for _, ch := range pack.Chapters {
		ps := ch.Paragraphs()
		last := squashed(ps[len(ps)-1].Text)
		if i := strings.Index(whole[at:], last); i < 0 {
			t.Errorf("print lacks chapter %d's last paragraph after the chapters before it", ch.Number)
		} else {
			at += i
		}
		one, err := run(t, "print", fmt.Sprint(ch.Number), "--width", "60")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(squashed(one), last) {
			t.Errorf("print %d does not end with the chapter's last paragraph", ch.Number)
		}
	}
}

// squashed is text without spaces and line breaks: a paragraph is found in
// it however it was wrapped.
func squashed(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
