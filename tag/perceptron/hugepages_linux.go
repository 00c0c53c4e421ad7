//go:build linux

package perceptron

import (
	"runtime"
	"syscall"
	"unsafe"
)

// HugePages asks Linux to back the memory of s with transparent huge
// pages (madvise MADV_HUGEPAGE, then MADV_COLLAPSE for the pages already
// in use, on the 2 MB-aligned part of s), which saves most TLB misses of
// the random lookups into large models (the parser, tagger and NER
// weights). It is only a hint: errors are
// ignored (older kernels, THP disabled) and the contents never change.
func HugePages[T any](s []T) {
	if len(s) == 0 {
		return
	}
	const huge = 2 << 20
	p := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	n := uintptr(len(s)) * unsafe.Sizeof(s[0])
	beg := (p + huge - 1) &^ (huge - 1)
	end := (p + n) &^ (huge - 1)
	if beg < end {
		syscall.Syscall(syscall.SYS_MADVISE, beg, end-beg, 14) // MADV_HUGEPAGE
		syscall.Syscall(syscall.SYS_MADVISE, beg, end-beg, 25) // MADV_COLLAPSE
	}
	runtime.KeepAlive(s)
}
