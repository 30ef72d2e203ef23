package io.github.ndfilters.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.github.ndfilters.core.Kernel;

class KernelPresetsTest
{
	private static Kernel preset( final String text )
	{
		return KernelPresets.find( text ).orElseThrow();
	}

	@Test
	void sobelAndLaplacianHaveTheTextbookWeights()
	{
		assertArrayEquals( new double[] { -1, 0, 1, -2, 0, 2, -1, 0, 1 },
				preset( "sobel-x" ).weights() );
		assertArrayEquals( new double[] { -1, -2, -1, 0, 0, 0, 1, 2, 1 },
				preset( "sobel-y" ).weights() );
		assertArrayEquals( new double[] { 0, 1, 0, 1, -4, 1, 0, 1, 0 },
				preset( "laplacian" ).weights() );
		assertArrayEquals( new int[] { 3, 3 }, preset( "sobel-x" ).dimensions() );
	}

	@Test
	void threeDimensionalPresetsHaveThreeAxes()
	{
		final Kernel z = preset( "sobel-z" );
		assertArrayEquals( new int[] { 3, 3, 3 }, z.dimensions() );
		assertEquals( -4, z.weight( 4 ) );
		assertEquals( 0, z.weight( 13 ) );
		assertEquals( 4, z.weight( 22 ) );
		final Kernel lap = preset( "laplacian-3d" );
		assertEquals( -6, lap.weight( 13 ) );
		assertEquals( 0, lap.sum() );
		assertEquals( 7, lap.absoluteSum() - 5 );
	}

	@Test
	void namesIgnoreCaseAndSurroundingSpace()
	{
		assertArrayEquals( preset( "sobel-x" ).weights(), preset( "  Sobel-X \n" ).weights() );
		assertArrayEquals( preset( "box 3" ).weights(), preset( "BOX   3" ).weights() );
	}

	@Test
	void boxIsOnesOverTheCount()
	{
		final Kernel two = preset( "box 2" );
		assertArrayEquals( new int[] { 2, 2 }, two.dimensions() );
		assertArrayEquals( new double[] { 0.25, 0.25, 0.25, 0.25 }, two.weights() );
		assertArrayEquals( new int[] { 1, 1 }, two.centre() );
		final Kernel line = preset( "box 3 1" );
		assertArrayEquals( new int[] { 3, 1 }, line.dimensions() );
		assertArrayEquals( new double[] { 1 / 3.0, 1 / 3.0, 1 / 3.0 }, line.weights() );
		assertArrayEquals( new int[] { 3, 2, 2 }, preset( "box 3 2 2" ).dimensions() );
	}

	@Test
	void gaussianHasSixSigmaPlusOneSamplesSumsToOneAndIsPointSymmetric()
	{
		final Kernel g = preset( "gaussian 1" );
		assertArrayEquals( new int[] { 7, 7 }, g.dimensions() );
		assertEquals( 1, g.sum(), 1e-12 );
		assertTrue( g.isPointSymmetric() );
		// centre (3,3) is index 24; one step along x or y is exp(-1/2) of it,
		// one diagonal step exp(-1), three steps out exp(-9/2)
		final double c = g.weight( 24 );
		assertEquals( Math.exp( -0.5 ), g.weight( 25 ) / c, 1e-14 );
		assertEquals( Math.exp( -0.5 ), g.weight( 17 ) / c, 1e-14 );
		assertEquals( Math.exp( -1 ), g.weight( 16 ) / c, 1e-14 );
		assertEquals( Math.exp( -4.5 ), g.weight( 21 ) / c, 1e-14 );
		// 1-D sum of exp(-x^2/2) for x = -3..3, squared, is the normaliser
		double s = 0;
		for ( int x = -3; x <= 3; x++ )
			s += Math.exp( -x * x / 2.0 );
		assertEquals( 1 / ( s * s ), c, 1e-15 );
	}

	@Test
	void gaussianSizeFollowsTheCeilingOfThreeSigma()
	{
		assertArrayEquals( new int[] { 5, 5 }, preset( "gaussian 0.5" ).dimensions() );
		assertArrayEquals( new int[] { 7, 7 }, preset( "gaussian 0.7" ).dimensions() );
		final Kernel aniso = preset( "gaussian 2 1 0" );
		assertArrayEquals( new int[] { 13, 7, 1 }, aniso.dimensions() );
		assertEquals( 1, aniso.sum(), 1e-12 );
		assertTrue( aniso.isPointSymmetric() );
	}

	@Test
	void horizontalAndVerticalMotionAreLinesOfOnes()
	{
		final Kernel h = preset( "motion 5 0" );
		assertArrayEquals( new int[] { 5, 1 }, h.dimensions() );
		assertArrayEquals( new double[] { 0.2, 0.2, 0.2, 0.2, 0.2 }, h.weights() );
		assertArrayEquals( new int[] { 5, 1 }, preset( "motion 5 180" ).dimensions() );
		final Kernel v = preset( "motion 3 90" );
		assertArrayEquals( new int[] { 1, 3 }, v.dimensions() );
		assertArrayEquals( new int[] { 0, 1 }, v.centre() );
	}

	@Test
	void motionAtFortyFiveDegreesRisesToTheRightOnScreen()
	{
		final double t = 1 / 3.0;
		assertArrayEquals( new double[] { 0, 0, t, 0, t, 0, t, 0, 0 },
				preset( "motion 3 45" ).weights() );
		assertArrayEquals( new double[] { t, 0, 0, 0, t, 0, 0, 0, t },
				preset( "motion 3 135" ).weights() );
	}

	@Test
	void motionAtThirtyDegreesRoundsHalfAwayFromTheCentre()
	{
		// steps -3..3 along x, y = -step * tan 30 = 1.73, 1.15, 0.58, 0, ...
		final Kernel m = preset( "motion 7 30" );
		assertArrayEquals( new int[] { 7, 5 }, m.dimensions() );
		assertArrayEquals( new int[] { 3, 2 }, m.centre() );
		final int[] rowOfColumn = { 4, 3, 3, 2, 1, 1, 0 };
		for ( int x = 0; x < 7; x++ )
			for ( int y = 0; y < 5; y++ )
				assertEquals( y == rowOfColumn[ x ] ? 1 / 7.0 : 0, m.weight( y * 7 + x ) );
		assertTrue( m.isPointSymmetric() );
	}

	@Test
	void evenMotionLengthPutsTheCentreAtHalfTheLength()
	{
		final Kernel m = preset( "motion 4 0" );
		assertArrayEquals( new int[] { 4, 1 }, m.dimensions() );
		assertArrayEquals( new int[] { 2, 0 }, m.centre() );
		assertEquals( 1, m.sum(), 1e-15 );
	}

	@Test
	void textThatIsNoPresetIsLeftToTheCaller()
	{
		assertFalse( KernelPresets.find( "1 2 3" ).isPresent() );
		assertFalse( KernelPresets.find( "psf.tif" ).isPresent() );
		assertFalse( KernelPresets.find( "" ).isPresent() );
		assertFalse( KernelPresets.find( null ).isPresent() );
	}

	@Test
	void aPresetWithWrongNumbersSaysHowToWriteIt()
	{
		assertTrue( message( "box" ).contains( "box <size>" ) );
		assertTrue( message( "box" ).contains( "\"box 3\"" ) );
		assertTrue( message( "box 2.5" ).contains( "whole number" ) );
		assertTrue( message( "box 0" ).contains( "at least 1" ) );
		assertTrue( message( "gaussian -1" ).contains( "between 0 and" ) );
		assertTrue( message( "gaussian two" ).contains( "'two' is not a number" ) );
		assertTrue( message( "sobel-x 3" ).contains( "takes no numbers" ) );
		assertTrue( message( "motion 9" ).contains( "motion <length> <angle>" ) );
		assertTrue( message( "box 100000 100000" ).contains( "smaller size" ) );
	}

	@Test
	void everyListedNameIsAPreset()
	{
		assertEquals( KernelPresets.forms().size(), KernelPresets.names().size() );
		for ( final String name : KernelPresets.names() )
			assertTrue( KernelPresets.find( name ).isPresent(), name );
	}

	private static String message( final String text )
	{
		return assertThrows( IllegalArgumentException.class, () -> KernelPresets.find( text ) )
				.getMessage();
	}
}
