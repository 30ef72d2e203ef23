package io.github.ndfilters.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.LinearFilter;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.view.Views;

class KernelTextTest
{
	private static final double[] ONE_TO_NINE = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };

	@Test
	void rowsRunAlongYAndNumbersAlongX()
	{
		final Kernel k = KernelText.parse( "1 2 3\n4 5 6\n7 8 9" );
		assertArrayEquals( new int[] { 3, 3 }, k.dimensions() );
		assertArrayEquals( ONE_TO_NINE, k.weights() );
		assertArrayEquals( new int[] { 1, 1 }, k.centre() );
	}

	@Test
	void anImpulseConvolvedGivesTheKernelAndCorrelatedGivesItMirrored()
	{
		final Kernel k = KernelText.parse( "1 2 3\n4 5 6\n7 8 9" );
		final double[] impulse = new double[ 9 ];
		impulse[ 4 ] = 1;
		assertArrayEquals( ONE_TO_NINE, flat( LinearFilter.convolve( k )
				.applyAsDouble( ArrayImgs.doubles( impulse, 3, 3 ) ) ) );
		assertArrayEquals( new double[] { 9, 8, 7, 6, 5, 4, 3, 2, 1 }, flat( LinearFilter
				.correlate( k ).applyAsDouble( ArrayImgs.doubles( impulse, 3, 3 ) ) ) );
	}

	@Test
	void spacesTabsAndCommasSeparateNumbers()
	{
		final Kernel k = KernelText.parse( "1, 2,3\n4\t5 \t 6\n7 ,8 , 9" );
		assertArrayEquals( ONE_TO_NINE, k.weights() );
	}

	@Test
	void decimalsSignsAndExponentsAreRead()
	{
		final Kernel k = KernelText.parse( "-0.25 +1.5 .5 2. 1e-3 -2E2" );
		assertArrayEquals( new double[] { -0.25, 1.5, 0.5, 2, 0.001, -200 }, k.weights() );
	}

	@Test
	void windowsLineEndsTrailingSpacesAndBlankLinesAtTheEndsAreIgnored()
	{
		final Kernel k = KernelText.parse( "\r\n\n  1 2 3  \r\n4 5 6\t\r\n7 8 9 \r\n\r\n\n" );
		assertArrayEquals( new int[] { 3, 3 }, k.dimensions() );
		assertArrayEquals( ONE_TO_NINE, k.weights() );
	}

	@Test
	void blankLinesSeparateZPlanes()
	{
		final Kernel k = KernelText.parse( "1 2\n3 4\n\n5 6\n7 8\n\n9 10\n11 12" );
		assertArrayEquals( new int[] { 2, 2, 3 }, k.dimensions() );
		assertArrayEquals( new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 },
				k.weights() );
		assertArrayEquals( new int[] { 1, 1, 1 }, k.centre() );
	}

	@Test
	void severalBlankLinesBetweenPlanesCountAsOne()
	{
		final Kernel k = KernelText.parse( "1 2\n\n\n \t\n3 4" );
		assertArrayEquals( new int[] { 2, 1, 2 }, k.dimensions() );
		assertArrayEquals( new double[] { 1, 2, 3, 4 }, k.weights() );
	}

	@Test
	void oneLineIsOneDimensionalAndAColumnIsTwoDimensional()
	{
		final Kernel row = KernelText.parse( "1 3" );
		assertArrayEquals( new int[] { 2 }, row.dimensions() );
		assertArrayEquals( new int[] { 1 }, row.centre() );
		final Kernel column = KernelText.parse( "1\n2\n3\n4" );
		assertArrayEquals( new int[] { 1, 4 }, column.dimensions() );
		assertArrayEquals( new int[] { 0, 2 }, column.centre() );
	}

	@Test
	void formatWritesWhatParseReads()
	{
		final String text = "1 -2.5 3\n0 0.125 6\n\n7 8 9\n1 1 1\n";
		assertEquals( text, KernelText.format( KernelText.parse( text ) ) );
		assertEquals( "1 2 3\n", KernelText.format( KernelText.parse( "1,2,3" ) ) );
	}

	@Test
	void formatRefusesAFourDimensionalKernel()
	{
		final Kernel k4 = Kernel.of( new double[] { 1, 2 }, 1, 1, 1, 2 );
		final String m = assertThrows( IllegalArgumentException.class,
				() -> KernelText.format( k4 ) ).getMessage();
		assertTrue( m.contains( "at most three axes" ), m );
		assertEquals( "1\n", KernelText.format( Kernel.of( new double[] { 1 }, 1, 1, 1, 1 ) ) );
	}

	@Test
	void emptyTextIsAnErrorThatSaysWhatToType()
	{
		for ( final String empty : new String[] { null, "", "  \n\t\r\n " } )
		{
			final String m = message( empty );
			assertTrue( m.contains( "empty" ) && m.contains( "1 2 1" ), m );
		}
	}

	@Test
	void aWordNamesItsRowAndValue()
	{
		final String m = message( "1 2 3\n4 five 6\n7 8 9" );
		assertTrue( m.startsWith( "Kernel row 2, value 2: 'five' is not a number." ), m );
	}

	@Test
	void aLoneWordSuggestsImageTitlesAndPresets()
	{
		final String m = message( "psf.tif" );
		assertTrue( m.contains( "'psf.tif' is not a number" ) && m.contains( "open image" )
				&& m.contains( "gaussian <sigma>" ), m );
	}

	@Test
	void rowsOfDifferentLengthNameTheShortRow()
	{
		final String m = message( "1 2 3\n4 5 6\n7 8" );
		assertTrue( m.startsWith( "Kernel row 3 has 2 values but the first row has 3." ), m );
		assertTrue( m.contains( "fill gaps with 0" ), m );
	}

	@Test
	void rowsOfDifferentLengthInALaterPlaneNameThePlane()
	{
		final String m = message( "1 2\n3 4\n\n5 6\n7 8 9" );
		assertTrue( m.startsWith( "Kernel row 2 of plane 2 has 3 values" ), m );
	}

	@Test
	void planesOfDifferentHeightNameThePlane()
	{
		final String m = message( "1 2\n3 4\n\n5 6\n7 8\n9 10" );
		assertTrue( m.startsWith( "Kernel plane 2 has 3 rows but plane 1 has 2." ), m );
	}

	@Test
	void notANumberAndInfinityAreRefusedNotReadAsZero()
	{
		assertTrue( message( "1 NaN 1" ).startsWith( "Kernel row 1, value 2 is 'NaN'" ) );
		assertTrue( message( "0 1\n-Infinity 0" ).startsWith(
				"Kernel row 2, value 1 is '-Infinity'; a kernel weight must be a finite" ) );
		assertTrue( message( "1\n\n1e999" ).startsWith( "Kernel row 1 of plane 2, value 1" ) );
	}

	@Test
	void aDoubledCommaIsAMissingValue()
	{
		final String m = message( "1,,2" );
		assertTrue( m.startsWith( "Kernel row 1 has an empty value at position 2" ), m );
	}

	@Test
	void decimalCommasAreRefusedRatherThanSplitIntoTwoNumbers()
	{
		final String m = message( "0,5 0,25\n1 1" );
		assertTrue( m.startsWith( "Kernel row 1 separates numbers both by bare commas and by"
				+ " spaces ('0,5 0,25')" ), m );
		assertArrayEquals( new double[] { 1, 2, 3 }, KernelText.parse( "1,2,3" ).weights() );
		assertArrayEquals( new double[] { 1, 2, 3 }, KernelText.parse( "1, 2, 3" ).weights() );
	}

	@Test
	void javaOnlyNumberFormsAreRefused()
	{
		assertTrue( message( "1 2d 3" ).contains( "'2d' is not a number" ) );
		assertTrue( message( "0x10" ).contains( "'0x10' is not a number" ) );
	}

	private static String message( final String text )
	{
		return assertThrows( IllegalArgumentException.class, () -> KernelText.parse( text ) )
				.getMessage();
	}

	private static double[] flat( final RandomAccessibleInterval< DoubleType > img )
	{
		final double[] out = new double[ ( int ) Views.iterable( img ).size() ];
		int i = 0;
		for ( final DoubleType t : Views.flatIterable( img ) )
			out[ i++ ] = t.get();
		return out;
	}
}
