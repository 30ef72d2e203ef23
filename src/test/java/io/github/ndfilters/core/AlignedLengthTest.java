package io.github.ndfilters.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The row length {@link BlockCorrelator} pads its buffers to: the least one,
 * at or above the segment, whose {@code float[]} (a 16-byte header and 4
 * bytes a sample) fills whole 64-byte lines. The expected lengths are worked
 * out by hand: 16 + 4 x 12 = 64, 16 + 4 x 28 = 128, 16 + 4 x 524 = 2112 = 33 x 64.
 */
public class AlignedLengthTest
{
	@Test
	public void padsToTheNextLengthThatFillsWholeLines()
	{
		assertEquals( 12, BlockCorrelator.alignedLength( 1 ) );
		assertEquals( 12, BlockCorrelator.alignedLength( 12 ) );
		assertEquals( 28, BlockCorrelator.alignedLength( 13 ) );
		assertEquals( 28, BlockCorrelator.alignedLength( 16 ) );
		assertEquals( 524, BlockCorrelator.alignedLength( 512 ) );
		assertEquals( 524, BlockCorrelator.alignedLength( 524 ) );
		assertEquals( 540, BlockCorrelator.alignedLength( 525 ) );
	}
}
