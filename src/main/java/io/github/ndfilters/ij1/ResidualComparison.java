package io.github.ndfilters.ij1;

import java.util.concurrent.CancellationException;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.process.LUT;
import io.github.ndfilters.core.FilterMonitor;
import io.github.ndfilters.core.LinearFilter;
import io.github.ndfilters.core.MemoryBudget;
import io.github.ndfilters.core.Operation;
import net.imglib2.Interval;

/**
 * Shows where and by how much correlation and convolution with the same
 * kernel differ: the residual, correlation minus convolution, as a 32-bit
 * image with the input's layout, displayed with a lookup table centred on
 * zero, plus figures that sum it up ({@link Comparison}).
 * <p>
 * For a point-symmetric kernel (a Gaussian) the residual is exactly zero; for
 * an antisymmetric one (Sobel) it is twice the correlation; for an even-sized
 * box it is the difference of two results one pixel apart.
 * </p>
 *
 * <pre>
 * Comparison c = ResidualComparison.compare( image,
 * 		LinearFilter.correlate( kernel ), FilterMonitor.NONE );
 * if ( !c.isIdentical() )
 * 	c.residual().show();
 * </pre>
 */
public final class ResidualComparison
{
	private ResidualComparison()
	{}

	/**
	 * @param image
	 *            the image to filter; never changed
	 * @param filter
	 *            kernel, boundary, output size, normalisation and method for
	 *            both operations; its own operation is ignored. With output
	 *            size {@code full} or {@code valid} both results are computed
	 *            over the positions of the correlation's output.
	 * @param monitor
	 *            receives progress and warnings and may cancel; may be
	 *            {@code null}
	 * @throws CancellationException
	 *             if the monitor canceled; no result is made
	 */
	public static Comparison compare( final ImagePlus image, final LinearFilter filter,
			final FilterMonitor monitor )
	{
		if ( image == null || filter == null )
			throw new IllegalArgumentException( "Give an image and a filter." );
		final FilterMonitor m = monitor == null ? FilterMonitor.NONE : monitor;
		if ( image.getRoi() != null )
			m.warn( ImagePlusFilter.IGNORED_SELECTION );
		ImagePlusFilter.requireDepth( image, filter.kernel() );
		final LinearFilter correlate = filter.operation( Operation.CORRELATE );
		final LinearFilter convolve = filter.operation( Operation.CONVOLVE );
		final Interval out = correlate.outputInterval( ImagePlusFilter.interval( image ) );
		final int channels = ChannelView.channelCount( image );
		// NB: the residual, the scratch channel and what a virtual stack reads, before any of
		// them is allocated.
		MemoryBudget.require( ResultPlanes.bytes( ResultPlanes.Kind.FLOAT, channels + 1, out ),
				ImagePlusFilter.readBytes( image ) );
		final ResultPlanes residual = new ResultPlanes( ResultPlanes.Kind.FLOAT, channels, out );
		final ResultPlanes scratch = new ResultPlanes( ResultPlanes.Kind.FLOAT, 1, out );
		final Statistics stats = new Statistics();
		for ( int c = 0; c < channels; c++ )
		{
			if ( m.isCanceled() )
				throw new CancellationException( "The comparison was canceled." );
			correlate.monitor( new ShareOfWork( m, 2 * c, 2 * channels ) )
					.applyTo( ChannelView.of( image, c ), residual.view( c ) );
			convolve.monitor( new ShareOfWork( m, 2 * c + 1, 2 * channels ) )
					.applyTo( ChannelView.of( image, c ), scratch.view( 0 ) );
			subtract( residual.planes[ c ], scratch.planes[ 0 ], stats );
		}
		final ImagePlus result = new ImagePlus( "Correlation minus convolution of "
				+ ImagePlusFilter.title( image, filter ).replaceFirst( "^\\S+ of ", "" ),
				residual.toStack() );
		result.setDimensions( channels, residual.slices, residual.frames );
		result.setCalibration( ImagePlusFilter.calibration( image, out, false ) );
		return stats.comparison( display( result, stats.max ) );
	}

	/** Replaces each correlation value by correlation minus convolution. */
	private static void subtract( final Object[] correlation, final Object[] convolution,
			final Statistics stats )
	{
		for ( int p = 0; p < correlation.length; p++ )
		{
			final float[] a = ( float[] ) correlation[ p ];
			final float[] b = ( float[] ) convolution[ p ];
			for ( int i = 0; i < a.length; i++ )
			{
				final double d = ( double ) a[ i ] - b[ i ];
				stats.add( a[ i ], b[ i ], d );
				a[ i ] = ( float ) d;
			}
		}
	}

	private static ImagePlus display( final ImagePlus result, final double maxAbs )
	{
		final double half = maxAbs > 0 && Double.isFinite( maxAbs ) ? maxAbs : 1;
		final int channels = result.getNChannels();
		if ( result.getStackSize() > 1 && ( channels > 1 || result.getNFrames() > 1 ) )
			result.setOpenAsHyperStack( true );
		if ( channels == 1 )
		{
			result.getProcessor().setLut( ZeroCentredLut.create( half ) );
			result.setDisplayRange( -half, half );
			return result;
		}
		final CompositeImage composite = new CompositeImage( result, CompositeImage.COLOR );
		for ( int c = 1; c <= channels; c++ )
		{
			final LUT lut = ZeroCentredLut.create( half );
			composite.setChannelLut( lut, c );
			composite.setPosition( c, 1, 1 );
			composite.setDisplayRange( -half, half );
		}
		composite.setPosition( 1, 1, 1 );
		return composite;
	}

	/** Running sums for the figures of a {@link Comparison}. */
	private static final class Statistics
	{
		double max;

		double sumAbs;

		double sumSquares;

		long numbers;

		long differing;

		long pixels;

		void add( final float a, final float b, final double difference )
		{
			pixels++;
			if ( Float.isNaN( a ) && Float.isNaN( b ) )
				return;
			if ( a != b )
				differing++;
			if ( Double.isNaN( difference ) )
				return;
			final double abs = Math.abs( difference );
			numbers++;
			max = Math.max( max, abs );
			sumAbs += abs;
			sumSquares += difference * difference;
		}

		Comparison comparison( final ImagePlus residual )
		{
			final double mean = numbers == 0 ? 0 : sumAbs / numbers;
			final double rms = numbers == 0 ? 0 : Math.sqrt( sumSquares / numbers );
			return new Comparison( residual, max, mean, rms, differing, pixels );
		}
	}
}
