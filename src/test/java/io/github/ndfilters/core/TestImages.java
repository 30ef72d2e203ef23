package io.github.ndfilters.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.img.cell.CellImgFactory;
import net.imglib2.img.planar.PlanarImgFactory;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * Builds small test images in every storage and pixel type, reads them back
 * as flat arrays (x fastest) and states the tolerance of the specification,
 * so that each test can compare the core with {@link BruteForce}.
 */
final class TestImages
{
	private TestImages()
	{}

	/** The storage layouts a source may come in. */
	enum Container
	{
		ARRAY, PLANAR, CELL
	}

	/** A step of a test that works for any pixel type. */
	interface TypedAction
	{
		< T extends NativeType< T > & RealType< T > > void run( T type ) throws Exception;
	}

	/** The names of the pixel types {@link #withPixelType} offers, by index. */
	static final String[] PIXEL_TYPE_NAMES = { "uint8", "int8", "uint16", "int16", "int32",
			"uint32", "float32", "float64" };

	/** Runs the action with a fresh variable of the pixel type of this index. */
	static void withPixelType( final int index, final TypedAction action ) throws Exception
	{
		switch ( index )
		{
		case 0:
			action.run( new UnsignedByteType() );
			break;
		case 1:
			action.run( new ByteType() );
			break;
		case 2:
			action.run( new UnsignedShortType() );
			break;
		case 3:
			action.run( new ShortType() );
			break;
		case 4:
			action.run( new IntType() );
			break;
		case 5:
			action.run( new UnsignedIntType() );
			break;
		case 6:
			action.run( new FloatType() );
			break;
		default:
			action.run( new DoubleType() );
		}
	}

	/**
	 * @param cellSize
	 *            the cell size per axis for {@link Container#CELL}
	 */
	static < T extends NativeType< T > & RealType< T > > Img< T > create(
			final Container container, final T type, final long[] dims, final int[] cellSize )
	{
		switch ( container )
		{
		case PLANAR:
			return new PlanarImgFactory<>( type ).create( dims );
		case CELL:
			return new CellImgFactory<>( type, cellSize ).create( dims );
		default:
			return new ArrayImgFactory<>( type ).create( dims );
		}
	}

	/** @return the samples of the interval, x fastest */
	static double[] values( final RandomAccessibleInterval< ? extends RealType< ? > > image )
	{
		final double[] out = new double[ ( int ) Intervals.numElements( image ) ];
		final Cursor< ? extends RealType< ? > > c = Views.flatIterable( image ).cursor();
		for ( int i = 0; i < out.length; i++ )
			out[ i ] = c.next().getRealDouble();
		return out;
	}

	/** Writes the values, x fastest, into the interval. */
	static void setValues( final RandomAccessibleInterval< ? extends RealType< ? > > image,
			final double[] values )
	{
		final Cursor< ? extends RealType< ? > > c = Views.flatIterable( image ).cursor();
		for ( final double v : values )
			c.next().setReal( v );
	}

	/** @return the absolute values, with NaN and infinities as 0 */
	static double[] finiteMagnitudes( final double[] values )
	{
		return Arrays.stream( values ).map( v -> Double.isFinite( v ) ? Math.abs( v ) : 0 )
				.toArray();
	}

	/**
	 * The value an integer output must hold for an exact result: rounded half
	 * away from zero and saturated to {@code [lowest, highest]}. Computed with
	 * {@link BigDecimal} so it shares nothing with the code under test.
	 */
	static double roundAndSaturate( final double value, final double lowest,
			final double highest )
	{
		final double rounded = new BigDecimal( value ).setScale( 0, RoundingMode.HALF_UP )
				.doubleValue();
		return Math.max( lowest, Math.min( highest, rounded ) );
	}

	/** @return the largest entry, 0 for none */
	static double max( final double[] values )
	{
		double m = 0;
		for ( final double v : values )
			m = Math.max( m, v );
		return m;
	}

	/**
	 * Checks a float result against the reference as the specification
	 * demands: NaN exactly where the reference is NaN, equal infinities, and
	 * every other sample within {@code tolerance}.
	 *
	 * @return {@code null} if the result passes, else a description of the
	 *         first failing sample
	 */
	static String compareFloat( final double[] expected, final double[] actual,
			final double tolerance )
	{
		if ( expected.length != actual.length )
			return "expected " + expected.length + " samples, got " + actual.length;
		for ( int i = 0; i < expected.length; i++ )
		{
			final double e = expected[ i ], a = actual[ i ];
			final boolean ok;
			if ( Double.isNaN( e ) )
				ok = Double.isNaN( a );
			else if ( Double.isInfinite( e ) )
				ok = a == e;
			else
				ok = Math.abs( a - e ) <= tolerance;
			if ( !ok )
				return "sample " + i + ": expected " + e + ", got " + a + " (tolerance "
						+ tolerance + ")";
		}
		return null;
	}
}
