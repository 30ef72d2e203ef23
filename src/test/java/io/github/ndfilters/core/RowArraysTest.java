package io.github.ndfilters.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.cell.CellImgFactory;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Which images {@link RowArrays} reaches, that it finds every sample where a
 * {@code RandomAccess} finds it, and that {@link TargetRows} writes the same
 * values into the arrays as through a {@code RandomAccess}.
 */
public class RowArraysTest
{
	@Test
	public void reachesArrayAndPlanarImagesAndTheirTranslatedCrops()
	{
		assertEquals( RowArrays.Kind.FLOAT, RowArrays.of( ArrayImgs.floats( 4, 3 ) ).kind );
		assertEquals( RowArrays.Kind.DOUBLE, RowArrays.of( ArrayImgs.doubles( 4 ) ).kind );
		assertEquals( RowArrays.Kind.UNSIGNED_SHORT,
				RowArrays.of( PlanarImgs.unsignedShorts( 4, 3, 2 ) ).kind );
		assertEquals( RowArrays.Kind.SHORT, RowArrays.of( ArrayImgs.shorts( 4, 3 ) ).kind );
		assertEquals( RowArrays.Kind.UNSIGNED_BYTE,
				RowArrays.of( PlanarImgs.unsignedBytes( 4, 3, 2, 2 ) ).kind );
		final Img< FloatType > planes = PlanarImgs.floats( 5, 4, 3 );
		assertNotNull( RowArrays.of( Views.translate( planes, 7, -2, 1 ) ) );
		assertNotNull( RowArrays.of( Views.zeroMin( Views.interval( planes, new long[] { 1, 1,
				1 }, new long[] { 3, 2, 2 } ) ) ) );
	}

	@Test
	public void leavesOtherImagesToTheRandomAccess()
	{
		final Img< FloatType > planes = PlanarImgs.floats( 5, 4, 3 );
		assertNull( RowArrays.of( Views.permute( planes, 0, 1 ) ), "axes swapped" );
		assertNull( RowArrays.of( Views.invertAxis( planes, 0 ) ), "x flipped" );
		assertNull( RowArrays.of( Views.hyperSlice( planes, 2, 1 ) ), "a slice of fewer axes" );
		assertNull( RowArrays.of( Converters.convert(
				( RandomAccessibleInterval< FloatType > ) planes, ( a, b ) -> b.set( a.get() ),
				new FloatType() ) ), "converted" );
		assertNull( RowArrays.of( new CellImgFactory<>( new FloatType(), 2 ).create( 5, 4 ) ),
				"cells" );
		assertNull( RowArrays.of( ArrayImgs.ints( 4, 3 ) ), "a type without a fast path" );
		assertNull( RowArrays.of( ArrayImgs.bytes( 4, 3 ) ), "signed bytes" );
	}

	@Test
	public void findsEverySampleWhereARandomAccessFindsIt()
	{
		checkEverySample( Views.interval( Views.translate( numbered( PlanarImgs.floats( 5, 4, 3,
				2 ) ), 10, -3, 2, 0 ), new long[] { 11, -2, 2, 0 }, new long[] { 13, 0, 4, 1 } ) );
		checkEverySample( Views.translate( numbered( ArrayImgs.floats( 6, 5, 4 ) ), -1, 2, 3 ) );
		checkEverySample( numbered( PlanarImgs.floats( 9 ) ) );
	}

	@Test
	public void writesIntegerRowsAsTheRandomAccessDoes()
	{
		// NB: the rows start at index 1 of their arrays; index 0 must not be written.
		final double[] values = { 9, 2.5, -2.5, 3.49, 70000, Double.NaN, -0.5, 65534.5, 1e300 };
		final int[] expected = { 3, 0, 3, 65535, 0, 0, 65535, 65535 };
		final Img< UnsignedShortType > fast = ArrayImgs.unsignedShorts( expected.length, 2 );
		final Img< UnsignedShortType > slow = new CellImgFactory<>( new UnsignedShortType(), 3 )
				.create( expected.length, 2 );
		final FilterMonitor none = FilterMonitor.NONE;
		new TargetRows( fast, new long[] { 0, 0 }, none ).accept( new int[] { 0, 1 }, values, 1,
				expected.length );
		new TargetRows( slow, new long[] { 0, 0 }, none ).accept( new int[] { 0, 1 }, values, 1,
				expected.length );
		assertArrayEquals( expected, row( fast, 1 ) );
		assertArrayEquals( expected, row( slow, 1 ) );

		final float[] floats = { 7f, 7f, -1.5f, 1.5f, 255.5f, 0.49f };
		final Img< net.imglib2.type.numeric.integer.UnsignedByteType > bytes = PlanarImgs
				.unsignedBytes( 4, 1, 2 );
		new TargetRows( Views.translate( bytes, 5, 0, 0 ), new long[] { 5, 0, 1 }, none )
				.accept( new int[] { 0, 0, 0 }, floats, 2, 4 );
		assertArrayEquals( new int[] { 0, 2, 255, 0 }, row( Views.hyperSlice( bytes, 2, 1 ), 0 ) );

		final Img< ByteType > signed = ArrayImgs.bytes( 3 );
		new TargetRows( signed, new long[] { 0 }, none ).accept( new int[] { 0 }, new double[] {
				-200, -1.5, 127.4 }, 0, 3 );
		assertArrayEquals( new int[] { -128, -2, 127 }, row( signed, -1 ) );
	}

	/** Sets every sample to its index in flat iteration order plus one. */
	private static < T extends RealType< T > > Img< T > numbered( final Img< T > img )
	{
		int i = 1;
		for ( final T t : img )
			t.setReal( i++ );
		return img;
	}

	private static void checkEverySample( final RandomAccessibleInterval< FloatType > image )
	{
		final RowArrays arrays = RowArrays.of( image );
		assertNotNull( arrays );
		final Cursor< FloatType > c = Views.iterable( image ).localizingCursor();
		final long[] position = new long[ image.numDimensions() ];
		while ( c.hasNext() )
		{
			final float expected = c.next().get();
			c.localize( position );
			final float[] array = ( float[] ) arrays.array( position );
			assertEquals( expected, array[ arrays.index( position ) ], 0, Arrays.toString(
					position ) );
		}
	}

	/** The samples of row {@code y} (or of a 1-D image, for {@code y < 0}), as ints. */
	private static int[] row( final RandomAccessibleInterval< ? extends RealType< ? > > image,
			final int y )
	{
		final RandomAccess< ? extends RealType< ? > > a = image.randomAccess();
		final int[] out = new int[ ( int ) image.dimension( 0 ) ];
		for ( int x = 0; x < out.length; x++ )
		{
			a.setPosition( image.min( 0 ) + x, 0 );
			if ( y >= 0 )
				a.setPosition( image.min( 1 ) + y, 1 );
			out[ x ] = ( int ) a.get().getRealDouble();
		}
		return out;
	}
}
